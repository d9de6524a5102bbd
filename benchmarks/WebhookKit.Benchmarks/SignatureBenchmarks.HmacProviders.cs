using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using WebhookKit.Bitbucket;
using WebhookKit.Paddle;
using WebhookKit.Razorpay;
using WebhookKit.SharedToken;

namespace WebhookKit.Benchmarks;

/// <summary>
/// The public verifiers of the providers that sign the raw body with an HMAC of their own format, beside
/// <see cref="RawHmacSha256"/>, over the same body sizes: each verifies a valid signature without allocating.
/// </summary>
public partial class SignatureBenchmarks
{
    private const string RazorpaySecret = "razorpay-benchmark-webhook-secret";
    private const string PaddleSecret = "pdl_ntfset_benchmark_secret_0123";
    private const string BitbucketSecret = "bitbucket-benchmark-webhook-secret";
    private const string SharedToken = "shared-token-benchmark-0123456789";

    private RazorpayWebhookVerifier _razorpay = null!;
    private HeaderDictionary _razorpayHeaders = null!;

    private SharedTokenWebhookVerifier _sharedToken = null!;
    private HeaderDictionary _sharedTokenHeaders = null!;

    private BitbucketWebhookVerifier _bitbucket = null!;
    private HeaderDictionary _bitbucketHeaders = null!;

    private PaddleWebhookVerifier _paddle = null!;
    private HeaderDictionary _paddleHeaders = null!;

    /// <summary>WebhookKit's Razorpay verifier: hex decode, HMAC-SHA256 over the raw body, constant-time compare.</summary>
    [Benchmark]
    public bool WebhookKitRazorpay() => _razorpay.Verify(_razorpayHeaders, _githubBody).IsVerified;

    /// <summary>WebhookKit's Paddle verifier: header parse, timestamp tolerance, HMAC over <c>"{ts}:" + body</c>, compare.</summary>
    [Benchmark]
    public bool WebhookKitPaddle() => _paddle.Verify(_paddleHeaders, _githubBody).IsVerified;

    /// <summary>WebhookKit's Bitbucket verifier: prefix check, hex decode, HMAC-SHA256 over the raw body, compare.</summary>
    [Benchmark]
    public bool WebhookKitBitbucket() => _bitbucket.Verify(_bitbucketHeaders, _githubBody).IsVerified;

    /// <summary>WebhookKit's shared-token verifier (<c>Authorization: Bearer</c>): both tokens hashed, compared in constant time; the body is not read, so its size does not matter.</summary>
    [Benchmark]
    public bool WebhookKitSharedToken() => _sharedToken.Verify(_sharedTokenHeaders).IsVerified;

    private void SetupHmacProviders()
    {
        var razorpayOptions = new RazorpayWebhookOptions();
        razorpayOptions.Secrets.Add(RazorpaySecret);
        _razorpay = new RazorpayWebhookVerifier(razorpayOptions);
        _razorpayHeaders = new HeaderDictionary
        {
            ["X-Razorpay-Signature"] = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(RazorpaySecret), _githubBody)),
            ["X-Razorpay-Event-Id"] = "Gb5kMCdcAZ8jJ8",
        };
        Check(WebhookKitRazorpay(), nameof(WebhookKitRazorpay));

        var sharedTokenOptions = new SharedTokenWebhookOptions();
        sharedTokenOptions.Secrets.Add(SharedToken);
        _sharedToken = new SharedTokenWebhookVerifier(sharedTokenOptions);
        _sharedTokenHeaders = new HeaderDictionary { ["Authorization"] = "Bearer " + SharedToken };
        Check(WebhookKitSharedToken(), nameof(WebhookKitSharedToken));

        var bitbucketOptions = new BitbucketWebhookOptions();
        bitbucketOptions.Secrets.Add(BitbucketSecret);
        _bitbucket = new BitbucketWebhookVerifier(bitbucketOptions);
        _bitbucketHeaders = new HeaderDictionary { ["X-Hub-Signature"] = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(BitbucketSecret), _githubBody)) };
        Check(WebhookKitBitbucket(), nameof(WebhookKitBitbucket));

        var paddleOptions = new PaddleWebhookOptions();
        paddleOptions.Secrets.Add(PaddleSecret);
        _paddle = new PaddleWebhookVerifier(paddleOptions);
        var ts = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(ts + ":").Concat(_githubBody).ToArray();
        _paddleHeaders = new HeaderDictionary { ["Paddle-Signature"] = $"ts={ts};h1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PaddleSecret), signed))}" };
        Check(WebhookKitPaddle(), nameof(WebhookKitPaddle));
    }
}
