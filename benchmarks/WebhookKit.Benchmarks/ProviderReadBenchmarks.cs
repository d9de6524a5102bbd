using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Shopify;
using WebhookKit.Slack;
using WebhookKit.StandardWebhooks;
using WebhookKit.Twilio;

namespace WebhookKit.Benchmarks;

/// <summary>
/// The providers <see cref="SignatureBenchmarks"/> leaves out, each one's whole <c>Read</c> of a valid JSON delivery:
/// Slack, Shopify, Standard Webhooks, a generic HMAC receiver (SHA-256 over <c>{timestamp}.{body}</c>, id and type from
/// headers) and Twilio (a JSON body signed through the URL's <c>bodySHA256</c>). <see cref="Setup"/> checks each accepts.
/// </summary>
[MemoryDiagnoser]
public class ProviderReadBenchmarks
{
    private const string SlackSecret = "slack-signing-secret-0123456789";
    private const string ShopifySecret = "shopify-client-secret-0123456789";
    private const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string HmacSecret = "hmac-shared-secret-0123456789";
    private const string TwilioToken = "twilio-auth-token-0123456789";

    private SlackWebhookProvider _slack = null!;
    private WebhookRequest _slackRequest;
    private ShopifyWebhookProvider _shopify = null!;
    private WebhookRequest _shopifyRequest;
    private StandardWebhooksProvider _standard = null!;
    private WebhookRequest _standardRequest;
    private HmacWebhookProvider _hmac = null!;
    private WebhookRequest _hmacRequest;
    private TwilioWebhookProvider _twilio = null!;
    private WebhookRequest _twilioRequest;

    /// <summary>Gets or sets the request body size in bytes.</summary>
    [Params(1024, 8192, 65536)]
    public int BodyBytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var body = Payloads.StripeEvent(BodyBytes);
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var slackOptions = new SlackWebhookOptions();
        slackOptions.Secrets.Add(SlackSecret);
        _slack = new SlackWebhookProvider(slackOptions, TimeProvider.System);
        _slackRequest = Request(body, ("X-Slack-Request-Timestamp", now), ("X-Slack-Signature", "v0=" + Hex(SlackSecret, $"v0:{now}:", body)));

        var shopifyOptions = new ShopifyWebhookOptions();
        shopifyOptions.Secrets.Add(ShopifySecret);
        _shopify = new ShopifyWebhookProvider(shopifyOptions);
        _shopifyRequest = Request(
            body,
            ("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body))),
            ("X-Shopify-Webhook-Id", "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043"),
            ("X-Shopify-Topic", "orders/create"));

        var standardOptions = new StandardWebhooksWebhookOptions();
        standardOptions.Secrets.Add(StandardSecret);
        _standard = new StandardWebhooksProvider(standardOptions, TimeProvider.System);
        var standardKey = Convert.FromBase64String(StandardSecret["whsec_".Length..]);
        var standardSignature = HMACSHA256.HashData(standardKey, Encoding.UTF8.GetBytes($"msg_2KWPBgLlAfxdpx2AI54pPJ85f4W.{now}.").Concat(body).ToArray());
        _standardRequest = Request(
            body,
            ("webhook-id", "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"),
            ("webhook-timestamp", now),
            ("webhook-signature", "v1," + Convert.ToBase64String(standardSignature)));

        var hmacOptions = new HmacWebhookOptions
        {
            SignatureHeader = "X-Signature",
            SignaturePrefix = "sha256=",
            TimestampHeader = "X-Timestamp",
            EventIdHeader = "X-Event-Id",
            EventTypeHeader = "X-Event-Type",
        };
        hmacOptions.Secrets.Add(HmacSecret);
        _hmac = new HmacWebhookProvider(hmacOptions, TimeProvider.System);
        _hmacRequest = Request(
            body,
            ("X-Signature", "sha256=" + Hex(HmacSecret, now + ".", body)),
            ("X-Timestamp", now),
            ("X-Event-Id", "evt_1"),
            ("X-Event-Type", "order.paid"));

        var twilioOptions = new TwilioWebhookOptions { PublicBaseUrl = "https://hooks.example.com" };
        twilioOptions.Secrets.Add(TwilioToken);
        _twilio = new TwilioWebhookProvider(twilioOptions);
        var query = "?bodySHA256=" + Convert.ToHexStringLower(SHA256.HashData(body));
#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1.
        var twilioSignature = HMACSHA1.HashData(Encoding.UTF8.GetBytes(TwilioToken), Encoding.UTF8.GetBytes("https://hooks.example.com/webhooks/twilio" + query));
#pragma warning restore CA5350
        var context = new DefaultHttpContext();
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("hooks.example.com");
        context.Request.Path = "/webhooks/twilio";
        context.Request.QueryString = new QueryString(query);
        context.Request.ContentType = "application/json";
        context.Request.Headers["X-Twilio-Signature"] = Convert.ToBase64String(twilioSignature);
        context.Request.Headers["I-Twilio-Idempotency-Token"] = "1f3b9a4c-6f4e-4c1d-9d7a-0b8e2f1a3c5d";
        _twilioRequest = new WebhookRequest(context.Request, body);

        // A benchmark of a verifier that rejects would measure the wrong path.
        Check(SlackRead(), nameof(SlackRead));
        Check(ShopifyRead(), nameof(ShopifyRead));
        Check(StandardWebhooksRead(), nameof(StandardWebhooksRead));
        Check(HmacRead(), nameof(HmacRead));
        Check(TwilioRead(), nameof(TwilioRead));
    }

    /// <summary>Slack Events API JSON: <c>v0:{timestamp}:{body}</c>, tolerance, then the envelope scan.</summary>
    [Benchmark]
    public WebhookProviderStatus SlackRead() => _slack.Read(_slackRequest).Status;

    /// <summary>Shopify: base64 HMAC-SHA256 of the body, id and topic from headers.</summary>
    [Benchmark]
    public WebhookProviderStatus ShopifyRead() => _shopify.Read(_shopifyRequest).Status;

    /// <summary>Standard Webhooks: <c>{id}.{timestamp}.{body}</c>, tolerance, then the type from the body.</summary>
    [Benchmark]
    public WebhookProviderStatus StandardWebhooksRead() => _standard.Read(_standardRequest).Status;

    /// <summary>A generic HMAC receiver: SHA-256 over <c>{timestamp}.{body}</c>, id and type from headers.</summary>
    [Benchmark]
    public WebhookProviderStatus HmacRead() => _hmac.Read(_hmacRequest).Status;

    /// <summary>Twilio JSON: SHA-256 of the body against <c>bodySHA256</c>, HMAC-SHA1 over the URL with and without its port.</summary>
    [Benchmark]
    public WebhookProviderStatus TwilioRead() => _twilio.Read(_twilioRequest).Status;

    private static WebhookRequest Request(byte[] body, params ReadOnlySpan<(string Name, string Value)> headers)
    {
        var dictionary = new HeaderDictionary { ["Content-Type"] = "application/json" };
        foreach (var (name, value) in headers)
        {
            dictionary[name] = value;
        }

        return new WebhookRequest(dictionary, body);
    }

    private static string Hex(string secret, string prefix, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(prefix).Concat(body).ToArray()));

    private static void Check(WebhookProviderStatus status, string benchmark)
    {
        if (status != WebhookProviderStatus.Accepted)
        {
            throw new InvalidOperationException($"{benchmark} does not accept its valid request ({status}).");
        }
    }
}
