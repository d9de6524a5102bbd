using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Bitbucket;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Hmac;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Paddle;
using WebhookKit.Razorpay;
using WebhookKit.SharedToken;
using WebhookKit.Mailgun;
using WebhookKit.SendGrid;
using WebhookKit.Shopify;
using WebhookKit.Slack;
using WebhookKit.StandardWebhooks;
using WebhookKit.Stripe;
using WebhookKit.Twilio;

namespace WebhookKit.IntegrationTests.Providers.Conformance;

/// <summary>
/// Every provider, built-in or written by a user, as a <see cref="ProviderCase"/>. Signing here is independent of the
/// library's verifiers: each follows the provider's documented scheme.
/// </summary>
public static class ProviderCases
{
    /// <summary>PayPal's signer: a local CA whose certificate the receiver fetches in memory.</summary>
    private static readonly WebhookKit.Testing.PayPalSigner PayPalConformanceSigner = WebhookKit.Testing.WebhookSigner.PayPal("CONFORMANCE1");

    private const string GitHubSecret = "conformance-github-secret";
    private const string StripeSecret = "whsec_conformance_stripe";
    private const string SlackSecret = "conformance-slack-signing-secret";
    private const string ShopifySecret = "conformance-shopify-client-secret";
    private const string TwilioToken = "conformance-twilio-auth-token";
    private const string TwilioPublicBaseUrl = "https://hooks.example.com";
    private const string HmacSecret = "conformance-hmac-secret";
    private const string AcmeSecret = "conformance-acme-secret";
    private const string RazorpaySecret = "conformance-razorpay-webhook-secret";
    private const string PaddleSecret = "pdl_ntfset_conformance_paddle_secret";
    private const string BitbucketSecret = "conformance-bitbucket-webhook-secret";
    private const string SharedToken = "conformance-shared-token-for-zapier";
    private const string MailgunKey = "conformance-mailgun-signing-key";
    private static readonly string SigningToken = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("conformance-standard-webhooks-key"));

    public static readonly ProviderCase[] All =
    [
        new()
        {
            Name = "GitHub",
            SignatureHeaders = ["X-Hub-Signature-256"],
            Configure = webhooks => webhooks.AddGitHub(o => o.Secrets.Add(GitHubSecret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            Create = id => new("/webhooks/github", "application/json", Payloads.GitHubPush(), [("X-GitHub-Event", "push"), ("X-GitHub-Delivery", id)]),
            Sign = (delivery, _) => [("X-Hub-Signature-256", Signatures.GitHub(GitHubSecret, delivery.Body))],
            EventType = "push",
            PayloadType = typeof(GitHubPushEvent),
        },
        new()
        {
            Name = "Stripe",
            SignatureHeaders = ["Stripe-Signature"],
            Configure = webhooks => webhooks.AddStripe(o => o.Secrets.Add(StripeSecret)).AddHandler<RecordingHandler<StripeEvent>>(),
            Create = id => new("/webhooks/stripe", "application/json", Payloads.StripeEvent(id), []),
            Sign = (delivery, _) => [("Stripe-Signature", Signatures.Stripe(StripeSecret, Signatures.Now(), delivery.Body))],
            EventType = "customer.updated",
            PayloadType = typeof(StripeEvent),
        },
        new()
        {
            // Signing tokens, since a plain X-Gitlab-Token does not cover the body.
            Name = "GitLab",
            SignatureHeaders = ["webhook-signature"],
            Configure = webhooks => webhooks.AddGitLab(o => o.SigningTokens.Add(SigningToken)).AddHandler<RecordingHandler<GitLabPushEvent>>(),
            Create = id => new("/webhooks/gitlab", "application/json", Payloads.GitLabPush(), [("X-Gitlab-Event", "Push Hook"), ("webhook-id", id)]),
            Sign = (delivery, _) => StandardWebhooksHeaders(SigningToken, delivery, "webhook"),
            EventType = "Push Hook",
            PayloadType = typeof(GitLabPushEvent),
        },
        new()
        {
            Name = "StandardWebhooks",
            SignatureHeaders = ["webhook-signature"],
            Configure = webhooks => webhooks.AddStandardWebhooks(o => o.Secrets.Add(SigningToken)).AddHandler<RecordingHandler<StandardWebhooksEvent>>(),
            Create = id => new("/webhooks/standardwebhooks", "application/json", """{"type":"user.created","timestamp":"2022-11-03T20:26:10.344522Z","data":{"id":"u_1"}}"""u8.ToArray(), [("webhook-id", id)]),
            Sign = (delivery, _) => StandardWebhooksHeaders(SigningToken, delivery, "webhook"),
            EventType = "user.created",
            PayloadType = typeof(StandardWebhooksEvent),
        },
        new()
        {
            Name = "Svix",
            SignatureHeaders = ["svix-signature"],
            Configure = webhooks => webhooks.AddStandardWebhooks("svix", o => o.Secrets.Add(SigningToken)).AddHandler<RecordingHandler<StandardWebhooksEvent>>(),
            Create = id => new("/webhooks/svix", "application/json", """{"type":"invoice.paid","data":{"amount":10}}"""u8.ToArray(), [("svix-id", id)]),
            Sign = (delivery, _) => StandardWebhooksHeaders(SigningToken, delivery, "svix"),
            EventType = "invoice.paid",
            PayloadType = typeof(StandardWebhooksEvent),
        },
        new()
        {
            Name = "Slack",
            SignatureHeaders = ["X-Slack-Signature"],
            Configure = webhooks => webhooks.AddSlack(o => o.Secrets.Add(SlackSecret)).AddHandler<RecordingHandler<SlackEventEnvelope>>(),
            Create = id => new("/webhooks/slack", "application/json", Encoding.UTF8.GetBytes($$"""{"team_id":"T1","api_app_id":"A1","event":{"type":"app_mention","user":"U1","text":"hi","channel":"C1","ts":"1.2"},"type":"event_callback","event_id":"{{id}}","event_time":1515449522}"""), []),
            Sign = (delivery, _) => SlackHeaders(SlackSecret, delivery.Body),
            EventType = "app_mention",
            PayloadType = typeof(SlackEventEnvelope),
        },
        new()
        {
            Name = "Shopify",
            SignatureHeaders = ["X-Shopify-Hmac-Sha256"],
            Configure = webhooks => webhooks.AddShopify(o => o.Secrets.Add(ShopifySecret)).AddHandler<RecordingHandler<ShopifyOrder>>(),
            Create = id => new("/webhooks/shopify", "application/json", Payloads.Read("shopify", "orders-create.json"), [("X-Shopify-Topic", "orders/create"), ("X-Shopify-Webhook-Id", id), ("X-Shopify-Shop-Domain", "example.myshopify.com")]),
            Sign = (delivery, _) => [("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), delivery.Body)))],
            EventType = "orders/create",
            PayloadType = typeof(ShopifyOrder),
        },
        new()
        {
            Name = "Twilio",
            SignatureHeaders = ["X-Twilio-Signature"],
            Configure = webhooks => webhooks.AddTwilio(o =>
            {
                o.Secrets.Add(TwilioToken);
                o.PublicBaseUrl = TwilioPublicBaseUrl; // required outside Development
            }).AddHandler<RecordingHandler<TwilioEvent>>(),
            Create = id => new(
                "/webhooks/twilio",
                "application/x-www-form-urlencoded",
                "AccountSid=AC1&MessageSid=SM1&MessageStatus=delivered&From=%2B15017122661&To=%2B15558675310&ApiVersion=2010-04-01"u8.ToArray(),
                [("I-Twilio-Idempotency-Token", id)]),
            Sign = (delivery, url) => [("X-Twilio-Signature", TwilioSignature(TwilioToken, new Uri(TwilioPublicBaseUrl + url.PathAndQuery), delivery.Body))],
            EventType = "message",
            PayloadType = typeof(TwilioEvent),
        },
        new()
        {
            Name = "Hmac",
            SignatureHeaders = ["X-Signature"],
            Configure = webhooks => webhooks.AddHmac("inhouse", o =>
            {
                o.Secrets.Add(HmacSecret);
                o.SignatureHeader = "X-Signature";
                o.SignaturePrefix = "sha256=";
                o.TimestampHeader = "X-Timestamp";
                o.EventIdProperty = "id";
                o.EventTypeHeader = "X-Event";
            }).AddHandler<RecordingHandler<HmacEvent>>(),
            Create = id => new("/webhooks/inhouse", "application/json", Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","amount":12.5}"""), [("X-Event", "invoice.paid")]),
            Sign = (delivery, _) =>
            {
                var t = Signatures.Now().ToString(CultureInfo.InvariantCulture);
                var signed = Encoding.UTF8.GetBytes(t + ".").Concat(delivery.Body).ToArray();
                return [("X-Timestamp", t), ("X-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HmacSecret), signed)))];
            },
            EventType = "invoice.paid",
            PayloadType = typeof(HmacEvent),
        },
        new()
        {
            Name = "Razorpay",
            SignatureHeaders = ["X-Razorpay-Signature"],
            Configure = webhooks => webhooks.AddRazorpay(o => o.Secrets.Add(RazorpaySecret)).AddHandler<RecordingHandler<RazorpayPaymentEvent>>(),
            Create = id => new("/webhooks/razorpay", "application/json", Payloads.Read("razorpay", "payment-captured.json"), [("X-Razorpay-Event-Id", id)]),
            Sign = (delivery, _) => [("X-Razorpay-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(RazorpaySecret), delivery.Body)))],
            EventType = "payment.captured",
            PayloadType = typeof(RazorpayPaymentEvent),
        },
        new()
        {
            Name = "Paddle",
            SignatureHeaders = ["Paddle-Signature"],
            Configure = webhooks => webhooks.AddPaddle(o => o.Secrets.Add(PaddleSecret)).AddHandler<RecordingHandler<PaddleSubscriptionEvent>>(),
            Create = id => new("/webhooks/paddle", "application/json", Payloads.WithProperty(Payloads.Read("paddle", "subscription-created.json"), "event_id", id), []),
            Sign = (delivery, _) =>
            {
                var t = Signatures.Now().ToString(CultureInfo.InvariantCulture);
                var signed = Encoding.UTF8.GetBytes(t + ":").Concat(delivery.Body).ToArray();
                return [("Paddle-Signature", $"ts={t};h1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PaddleSecret), signed))}")];
            },
            EventType = "subscription.created",
            PayloadType = typeof(PaddleSubscriptionEvent),
        },
        new()
        {
            Name = "Bitbucket",
            SignatureHeaders = ["X-Hub-Signature"],
            Configure = webhooks => webhooks.AddBitbucket(o => o.Secrets.Add(BitbucketSecret)).AddHandler<RecordingHandler<BitbucketPushEvent>>(),
            Create = id => new("/webhooks/bitbucket", "application/json", Payloads.Read("bitbucket", "repo-push.json"), [("X-Event-Key", "repo:push"), ("X-Request-UUID", id), ("X-Hook-UUID", "{hook-1}")]),
            Sign = (delivery, _) => [("X-Hub-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(BitbucketSecret), delivery.Body)))],
            EventType = "repo:push",
            PayloadType = typeof(BitbucketPushEvent),
        },
        new()
        {
            Name = "SharedToken",
            SignatureHeaders = ["Authorization"],
            CoversBody = false,
            Configure = webhooks => webhooks.AddSharedToken("zapier", o =>
            {
                o.Secrets.Add(SharedToken);
                o.EventIdHeader = "X-Request-Id";
            }).AddHandler<RecordingHandler<SharedTokenEvent>>(),
            Create = id => new("/webhooks/zapier", "application/json", """{"zap":"new-lead","email":"lead@example.com"}"""u8.ToArray(), [("X-Request-Id", id)]),
            Sign = (_, _) => [("Authorization", "Bearer " + SharedToken)],
            EventType = "webhook",
            PayloadType = typeof(SharedTokenEvent),
        },
        new()
        {
            // One delivery per batch; a batch of one event is identified by its sg_event_id.
            Name = "SendGrid",
            SignatureHeaders = ["X-Twilio-Email-Event-Webhook-Signature"],
            Configure = webhooks => webhooks.AddSendGrid(o => o.PublicKeys.Add(SendGridKey.PublicKey)).AddHandler<RecordingHandler<SendGridEventBatch>>(),
            Create = id => new("/webhooks/sendgrid", "application/json", Encoding.UTF8.GetBytes($$"""[{"email":"a@example.com","timestamp":1600112492,"event":"delivered","sg_event_id":"{{id}}","sg_message_id":"m1","response":"250 OK"}]""" + "\r\n"), []),
            Sign = (delivery, _) => SendGridHeaders(delivery.Body),
            EventType = "events",
            PayloadType = typeof(SendGridEventBatch),
        },
        new()
        {
            // RSA by a certificate the request names, fetched (in memory here) once; the id is the signed body's id.
            Name = "PayPal",
            SignatureHeaders = ["PAYPAL-TRANSMISSION-SIG"],
            Configure = webhooks =>
            {
                webhooks.AddPayPal(PayPalConformanceSigner.ConfigureReceiver).AddHandler<RecordingHandler<WebhookKit.PayPal.PayPalEvent>>();
                webhooks.Services.AddPayPalTestCertificates(PayPalConformanceSigner);
            },
            Create = id => new("/webhooks/paypal", "application/json", Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","create_time":"2026-03-01T12:00:00Z","resource_type":"capture","event_type":"PAYMENT.CAPTURE.COMPLETED","summary":"Payment completed","resource":{"id":"42311647XV020574X"} }"""), []),
            Sign = (delivery, _) => [.. PayPalConformanceSigner.Sign(delivery.Body).Select(static header => (header.Key, header.Value))],
            EventType = "PAYMENT.CAPTURE.COMPLETED",
            PayloadType = typeof(WebhookKit.PayPal.PayPalEvent),
        },
        new()
        {
            // The signature block is in the body and covers the timestamp and token (the event id), not the event data.
            Name = "Mailgun",
            SignatureHeaders = [],
            Configure = webhooks => webhooks.AddMailgun(o => o.Secrets.Add(MailgunKey)).AddHandler<RecordingHandler<MailgunWebhook>>(),
            Create = id => new("/webhooks/mailgun", "application/json", Encoding.UTF8.GetBytes($$"""{"event-data":{"event":"delivered","id":"{{id}}","recipient":"alice@example.com"}""" + "}"), []),
            SignBody = delivery => delivery with { Body = MailgunSigned(delivery.Body, signedToken: null) },
            Sign = (_, _) => [],
            Tamper = delivery => delivery with { Body = MailgunSigned(delivery.Body, signedToken: "another-token") },
            EventType = "delivered",
            PayloadType = typeof(MailgunWebhook),
        },
        new()
        {
            Name = "Custom (docs/writing-a-provider.md)",
            SignatureHeaders = ["X-Acme-Signature"],
            Configure = webhooks => webhooks
                .AddReceiver("acme", _ => new AcmeWebhookProvider([AcmeSecret]))
                .AddPayloadType("acme", null, AcmeJsonContext.Default.AcmeEvent)
                .AddHandler<RecordingHandler<AcmeEvent>>(),
            Create = id => new("/webhooks/acme", "application/json", """{"order":"A-1","amount":12.50}"""u8.ToArray(), [("X-Acme-Delivery", id), ("X-Acme-Event", "order.paid")]),
            Sign = (delivery, _) => [("X-Acme-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(AcmeSecret), delivery.Body)))],
            EventType = "order.paid",
            PayloadType = typeof(AcmeEvent),
        },
    ];

    /// <summary>The case names, for <c>[MemberData]</c> (a name serializes well in test explorers).</summary>
    public static TheoryData<string> Names => [.. All.Select(c => c.Name)];

    /// <summary>The names of the cases whose proof covers the body (all but the shared-token receiver).</summary>
    public static TheoryData<string> BodyCoveringNames => [.. All.Where(c => c.CoversBody).Select(c => c.Name)];

    /// <summary>The names of the cases whose proof does not cover the body.</summary>
    public static TheoryData<string> TokenOnlyNames => [.. All.Where(c => !c.CoversBody).Select(c => c.Name)];

    public static ProviderCase Get(string name) => All.Single(c => c.Name == name);

    /// <summary>Standard Webhooks (and Svix) signing: <c>v1,</c> + base64 HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>.</summary>
    private static (string, string)[] StandardWebhooksHeaders(string secret, UnsignedDelivery delivery, string prefix)
    {
        var id = delivery.Headers.Single(h => h.Name == $"{prefix}-id").Value;
        var t = Signatures.Now();
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{t}.").Concat(delivery.Body).ToArray();

        return [($"{prefix}-timestamp", t.ToString(CultureInfo.InvariantCulture)), ($"{prefix}-signature", "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed)))];
    }

    /// <summary>SendGrid signing: base64 DER ECDSA P-256 with SHA-256 over the timestamp's UTF-8 bytes, then the body.</summary>
    private static (string, string)[] SendGridHeaders(byte[] body)
    {
        var t = Signatures.Now().ToString(CultureInfo.InvariantCulture);
        var signature = SendGridKey.Key.SignData([.. Encoding.UTF8.GetBytes(t), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return [("X-Twilio-Email-Event-Webhook-Timestamp", t), ("X-Twilio-Email-Event-Webhook-Signature", Convert.ToBase64String(signature))];
    }

    /// <summary>
    /// Mailgun signing: a signature block, hex HMAC-SHA256 over timestamp + token, before the event data. The token (the
    /// event id) is the case's id, taken from <c>event-data.id</c>; the tampered case signs another token than it sends.
    /// </summary>
    private static byte[] MailgunSigned(byte[] unsigned, string? signedToken)
    {
        using var document = JsonDocument.Parse(unsigned);
        var eventData = document.RootElement.GetProperty("event-data");
        var token = eventData.GetProperty("id").GetString()!;
        var t = Signatures.Now().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(MailgunKey), Encoding.UTF8.GetBytes(t + (signedToken ?? token))));
        var block = $"\"timestamp\":\"{t}\",\"token\":\"{token}\",\"signature\":\"{signature}\"";
        return Encoding.UTF8.GetBytes("{\"signature\":{" + block + "},\"event-data\":" + eventData.GetRawText() + "}");
    }

    /// <summary>Slack signing: <c>v0=</c> + hex HMAC-SHA256 over <c>v0:{timestamp}:{body}</c>.</summary>
    private static (string, string)[] SlackHeaders(string secret, byte[] body)
    {
        var t = Signatures.Now().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"v0:{t}:").Concat(body).ToArray();
        return [("X-Slack-Request-Timestamp", t), ("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)))];
    }

    /// <summary>Twilio signing: base64 HMAC-SHA1 over the URL followed by the form parameters sorted by name, each name then value.</summary>
    public static string TwilioSignature(string authToken, Uri url, byte[] formBody)
    {
        var data = new StringBuilder(url.AbsoluteUri);
        var parameters = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(Encoding.UTF8.GetString(formBody));
        foreach (var (name, values) in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var value in values.Order(StringComparer.Ordinal))
            {
                data.Append(name).Append(value);
            }
        }

#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1.
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString())));
#pragma warning restore CA5350
    }

    /// <summary>The SendGrid case's signing key, created on first use.</summary>
    private static class SendGridKey
    {
        public static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        public static readonly string PublicKey = Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo());
    }
}
