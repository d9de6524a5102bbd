using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using WebhookKit.Razorpay;

namespace WebhookKit.Benchmarks;

/// <summary>
/// The public verifiers of the providers that sign the raw body with an HMAC of their own format, beside
/// <see cref="RawHmacSha256"/>, over the same body sizes: each verifies a valid signature without allocating.
/// </summary>
public partial class SignatureBenchmarks
{
    private const string RazorpaySecret = "razorpay-benchmark-webhook-secret";

    private RazorpayWebhookVerifier _razorpay = null!;
    private HeaderDictionary _razorpayHeaders = null!;

    /// <summary>WebhookKit's Razorpay verifier: hex decode, HMAC-SHA256 over the raw body, constant-time compare.</summary>
    [Benchmark]
    public bool WebhookKitRazorpay() => _razorpay.Verify(_razorpayHeaders, _githubBody).IsVerified;

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
    }
}
