using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Octokit.Webhooks;
using Stripe;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Stripe;

namespace WebhookKit.Benchmarks;

/// <summary>
/// Step 4 of the receive path (signature verification over the raw body) against the HMAC-SHA256 limit and the
/// providers' own SDKs. Every benchmark verifies a valid signature; <see cref="Setup"/> checks that it does.
/// </summary>
[MemoryDiagnoser]
public partial class SignatureBenchmarks
{
    private const string GitHubSecret = "It's a Secret to Everybody";
    private const string StripeSecret = "whsec_test_secret_0123456789abcdefghijklmnop";
    private const string GitLabToken = "glpat-benchmark-token-0123456789";
    private const long StripeTolerance = 300;

    private byte[] _githubBody = [];
    private IncrementalHash _keyedContext = null!;
    private byte[] _githubKey = [];
    private string _githubSignature = string.Empty;
    private GitHubWebhookProvider _github = null!;
    private WebhookRequest _githubRequest;

    private byte[] _stripeBody = [];
    private string _stripeBodyText = string.Empty;
    private string _stripeSignature = string.Empty;
    private long _stripeTimestamp;
    private StripeWebhookProvider _stripe = null!;
    private HeaderDictionary _stripeHeaders = null!;
    private WebhookRequest _stripeRequest;

    private GitLabWebhookProvider _gitlab = null!;
    private WebhookRequest _gitlabRequest;

    /// <summary>Gets or sets the request body size in bytes.</summary>
    [Params(1024, 8192, 65536)]
    public int BodyBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _githubBody = Payloads.GitHubEvent(BodyBytes);
        _githubKey = Encoding.UTF8.GetBytes(GitHubSecret);
        _githubSignature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_githubKey, _githubBody));
        _keyedContext = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _githubKey);
        var githubOptions = new GitHubWebhookOptions();
        githubOptions.Secrets.Add(GitHubSecret);
        _github = new GitHubWebhookProvider(githubOptions);
        _githubRequest = new WebhookRequest(
            new HeaderDictionary
            {
                ["X-Hub-Signature-256"] = _githubSignature,
                ["X-GitHub-Delivery"] = "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                ["X-GitHub-Event"] = "push",
                ["Content-Type"] = "application/json",
            },
            _githubBody);

        _stripeBody = Payloads.StripeEvent(BodyBytes);
        _stripeBodyText = Encoding.UTF8.GetString(_stripeBody);
        _stripeTimestamp = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        var signedPayload = Encoding.UTF8.GetBytes(_stripeTimestamp.ToString(CultureInfo.InvariantCulture) + ".").Concat(_stripeBody).ToArray();
        _stripeSignature = $"t={_stripeTimestamp},v1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(StripeSecret), signedPayload))}";
        var stripeOptions = new StripeWebhookOptions();
        stripeOptions.Secrets.Add(StripeSecret);
        _stripe = new StripeWebhookProvider(stripeOptions, TimeProvider.System);
        _stripeHeaders = new HeaderDictionary { ["Stripe-Signature"] = _stripeSignature, ["Content-Type"] = "application/json" };
        _stripeRequest = new WebhookRequest(_stripeHeaders, _stripeBody);

        var gitlabOptions = new GitLabWebhookOptions();
        gitlabOptions.Secrets.Add(GitLabToken);
        _gitlab = new GitLabWebhookProvider(gitlabOptions, TimeProvider.System);
        _gitlabRequest = new WebhookRequest(
            new HeaderDictionary
            {
                ["X-Gitlab-Token"] = GitLabToken,
                ["X-Gitlab-Event"] = "Push Hook",
                ["X-Gitlab-Event-UUID"] = "13792a34-cac6-4fda-95a8-c58e00a3954e",
                ["Content-Type"] = "application/json",
            },
            _githubBody);

        // SignatureBenchmarks.SendGrid.cs, SignatureBenchmarks.Mailgun.cs.
        SetupSendGrid();
        SetupPayPal();
        SetupMailgun();

        // A benchmark of a verifier that rejects would measure the wrong path.
        Check(RawHmacSha256(), nameof(RawHmacSha256));
        Check(RawHmacSha256KeyedContext(), nameof(RawHmacSha256KeyedContext));
        Check(WebhookKitGitHub() == WebhookProviderStatus.Accepted, nameof(WebhookKitGitHub));
        Check(OctokitGitHub(), nameof(OctokitGitHub));
        Check(WebhookKitStripe(), nameof(WebhookKitStripe));
        Check(WebhookKitStripeRead() == WebhookProviderStatus.Accepted, nameof(WebhookKitStripeRead));
        Check(StripeNet(), nameof(StripeNet));
        Check(StripeNetFromRawBody(), nameof(StripeNetFromRawBody));
        Check(WebhookKitGitLabToken() == WebhookProviderStatus.Accepted, nameof(WebhookKitGitLabToken));

        // SignatureBenchmarks.HmacProviders.cs
        SetupHmacProviders();
    }

    /// <summary>The limit: one-shot HMAC-SHA256 over the body, hex decode of the presented signature, constant-time compare.</summary>
    [Benchmark(Baseline = true)]
    public bool RawHmacSha256()
    {
        Span<byte> expected = stackalloc byte[32];
        Span<byte> presented = stackalloc byte[32];
        HMACSHA256.HashData(_githubKey, _githubBody, expected);
        Convert.FromHexString(_githubSignature.AsSpan(7), presented, out _, out _);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>
    /// The same with one HMAC context whose key is set up once and reused (single-threaded, no pool): what is left of
    /// the one-shot call once its per-call context creation and key setup are gone. WebhookKit's verifiers reuse keyed
    /// contexts from a small thread-safe pool.
    /// </summary>
    [Benchmark]
    public bool RawHmacSha256KeyedContext()
    {
        Span<byte> expected = stackalloc byte[32];
        Span<byte> presented = stackalloc byte[32];
        _keyedContext.AppendData(_githubBody);
        _keyedContext.GetHashAndReset(expected);
        Convert.FromHexString(_githubSignature.AsSpan(7), presented, out _, out _);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>WebhookKit's GitHub provider, whole <c>Read</c>: signature, delivery id and event type from the headers.</summary>
    [Benchmark]
    public WebhookProviderStatus WebhookKitGitHub() => _github.Read(_githubRequest).Status;

    /// <summary>Octokit.Webhooks' validator over the same bytes.</summary>
    [Benchmark]
    public bool OctokitGitHub() => WebhookSignatureValidator.Verify(_githubSignature, GitHubSecret, _githubBody) == WebhookSignatureValidationResult.Valid;

    /// <summary>WebhookKit's Stripe verification: header parse, timestamp tolerance, HMAC over <c>"{t}." + body</c>, compare.</summary>
    [Benchmark]
    public bool WebhookKitStripe() => _stripe.VerifySignature(_stripeHeaders, _stripeBody, out _);

    /// <summary>WebhookKit's Stripe provider, whole <c>Read</c>: verification plus the top-level JSON scan for <c>id</c> and <c>type</c>.</summary>
    [Benchmark]
    public WebhookProviderStatus WebhookKitStripeRead() => _stripe.Read(_stripeRequest).Status;

    /// <summary>Stripe.net's validator; it takes the body as a string, decoded here once in setup (in its favour).</summary>
    [Benchmark]
    public bool StripeNet()
    {
        EventUtility.ValidateSignature(_stripeBodyText, _stripeSignature, StripeSecret, StripeTolerance, _stripeTimestamp);
        return true;
    }

    /// <summary>
    /// Stripe.net's validator from the bytes a receiver has: it takes a string, so the raw body is decoded first, as every
    /// Stripe.net endpoint does (reading the request into a string) and as WebhookKit, which verifies the bytes, need not.
    /// </summary>
    [Benchmark]
    public bool StripeNetFromRawBody()
    {
        EventUtility.ValidateSignature(Encoding.UTF8.GetString(_stripeBody), _stripeSignature, StripeSecret, StripeTolerance, _stripeTimestamp);
        return true;
    }

    /// <summary>WebhookKit's GitLab provider with a plain <c>X-Gitlab-Token</c>: both sides hashed, compared in constant time.</summary>
    [Benchmark]
    public WebhookProviderStatus WebhookKitGitLabToken() => _gitlab.Read(_gitlabRequest).Status;

    [GlobalCleanup]
    public void Cleanup()
    {
        _keyedContext.Dispose();
        CleanupSendGrid();
        CleanupPayPal();
    }

    private static void Check(bool verified, string benchmark)
    {
        if (!verified)
        {
            throw new InvalidOperationException($"{benchmark} does not accept its valid request.");
        }
    }
}
