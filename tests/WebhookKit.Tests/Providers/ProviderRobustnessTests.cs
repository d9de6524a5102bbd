using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Providers;

/// <summary><see cref="IWebhookProvider.Read"/> must not throw on any input: random bodies, headers and content types never escape as exceptions.</summary>
public sealed class ProviderRobustnessTests
{
    private const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const long Now = 1_700_000_000;

    /// <summary>PayPal's certificate, valid at <see cref="Now"/>, served to the receiver in memory (never disposed: shared by every row).</summary>
    private static readonly PayPalSigner PayPal = WebhookSigner.PayPal("1JE4291016473214C", PayPalSigner.DefaultCertificateUrl, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(Now)));

    public static TheoryData<string> Receivers => ["standardwebhooks", "slack", "shopify", "twilio", "hmac", "razorpay", "paddle", "bitbucket", "token", "sendgrid", "mailgun", "paypal"];

    [Theory]
    [MemberData(nameof(Receivers))]
    public void Read_RandomInput_NeverThrows(string receiverName)
    {
        using var receiver = ReceiverHarness.Create(receiverName, Register, nowUnixSeconds: Now);
        var random = new Random(receiverName.Length * 7919);
        string[] headerNames =
        [
            "webhook-id", "webhook-timestamp", "webhook-signature", "svix-id", "svix-timestamp", "svix-signature",
            "X-Slack-Signature", "X-Slack-Request-Timestamp", "X-Shopify-Hmac-Sha256", "X-Shopify-Topic", "X-Shopify-Webhook-Id",
            "X-Twilio-Signature", "I-Twilio-Idempotency-Token", "X-Signature", "X-Timestamp", "X-Id", "X-Type",
            "X-Razorpay-Signature", "X-Razorpay-Event-Id", "Paddle-Signature", "X-Hub-Signature", "X-Event-Key", "X-Request-UUID", "Authorization",
            "X-Twilio-Email-Event-Webhook-Signature", "X-Twilio-Email-Event-Webhook-Timestamp",
            PayPalSigner.TransmissionIdHeader, PayPalSigner.TransmissionTimeHeader, PayPalSigner.SignatureHeader, PayPalSigner.CertificateUrlHeader, PayPalSigner.AlgorithmHeader,
        ];
        string[] values =
        [
            "", "v1,", "v0=", "v1,AAAA", "1700000000", "-1", "99999999999999999999999", "payload=", "sha256=zz",
            "RSOYDt4T1cUTdK1PDd93/VVr8B8=", "v1a,x v1,y", new string('a', 5000), "é\u0000\uFFFF",
            "ts=1700000000;h1=00", "ts=;h1=", "sha256=", "Bearer ", "Bearer x", "repo:push",
            "SHA256withRSA", "2023-11-14T22:13:20Z", PayPalSigner.DefaultCertificateUrl, "https://169.254.169.254/latest/meta-data",
        ];
        string[] bodies =
        [
            "", "{", "[]", "null", "{\"type\":1}", "{\"type\":\"url_verification\"}", "{\"event\":[{\"type\":\"x\"}]}",
            "payload=%7B", "payload=%FF%FE", "command=%2F&trigger_id=", "a=%", "&&&=&=", "ssl_check=1",
            "{\"id\":" + new string('9', 400) + ",\"type\":\"t\"}", new string('[', 200),
            "{\"signature\":{\"timestamp\":\"1700000000\",\"token\":\"t\",\"signature\":\"00\"},\"event-data\":{\"event\":\"x\"}}", "timestamp=1700000000&token=t&signature=00",
        ];
        string[] contentTypes = ["application/json", "application/x-www-form-urlencoded", "text/plain", "application/x-www-form-urlencoded; charset=utf-8", "garbage;;"];

        for (var i = 0; i < 400; i++)
        {
            var headers = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => (headerNames[random.Next(headerNames.Length)], values[random.Next(values.Length)]))
                .ToArray();
            var body = random.Next(4) == 0 ? RandomBytes(random) : Encoding.UTF8.GetBytes(bodies[random.Next(bodies.Length)]);
            var url = random.Next(2) == 0 ? "https://example.com/webhooks/x?bodySHA256=00" : "http://[::1]:8080/webhooks/x?a=%ZZ";
            var request = ReceiverHarness.Request(body, contentTypes[random.Next(contentTypes.Length)], url, headers);

            var read = () => receiver.Read(request);

            read.Should().NotThrow();
        }
    }

    /// <summary>
    /// PayPal's checks come one after another (headers, algorithm, signature length, id, time, URL, certificate, RSA),
    /// which random headers seldom get past: here all five headers are present, each one half the time with a good
    /// value and half the time with one of its edge cases, once the certificate is kept, so that requests reach every
    /// check up to the RSA verification (the test fails if one of them is never reached).
    /// </summary>
    [Fact]
    public async Task ReadAsync_PayPalHeadersAllPresentWithEdgeValues_NeverThrowsNorAccepts()
    {
        using var receiver = ReceiverHarness.Create("paypal", Register, nowUnixSeconds: Now);
        var signedBody = """{"id":"WH-1","event_type":"PAYMENT.CAPTURE.COMPLETED"}"""u8.ToArray();
        var warm = await receiver.Provider.ReadAsync(ReceiverHarness.Request(signedBody, headers: [.. PayPal.Sign(signedBody).Select(h => (h.Key, h.Value))]), CancellationToken.None);
        warm.Status.Should().Be(WebhookProviderStatus.Accepted, warm.FailureReason);
        var random = new Random(4242);
        string[] ids = ["", "a|b", new string('i', 101), "é\u0000"];
        string[] times = ["", "2023-11-14T22:13:20+02:00", "2023-11-14T22:13:20", "1700000000", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2023-11-14T22:13:20.1234567Z", "2023-11-14T22:08:19Z"];
        string[] urls =
        [
            "https://api.paypal.com/v1/notifications/certs/not-served", "https://169.254.169.254/latest", "http://api.paypal.com/x", "https://api-m.sandbox.paypal.com:0/x",
            "https://" + new string('u', 600), "https://[::1]/x", "https://api-m.sandbox.paypal.com/%zz", "https://user:pw@api.paypal.com/x", "",
        ];
        string[] algorithms = ["sha256withrsa", "SHA1withRSA", "", "SHA256withRSA,SHA256withRSA"];
        string[] signatures =
        [
            "", "====", "not base64!", Convert.ToBase64String(RandomBytes(random, 512)), Convert.ToBase64String(RandomBytes(random, 513)),
            PayPal.Sign("69cd13f0-d67a-11e5-baa3-778b53f4ae55", "2023-11-14T22:13:21Z", signedBody), // PayPal's, of another time
        ];
        string Pick(string good, string[] edges) => random.Next(2) == 0 ? good : edges[random.Next(edges.Length)];
        var reasons = new HashSet<WebhookRejectionReason>();

        for (var i = 0; i < 400; i++)
        {
            (string, string)[] headers =
            [
                (PayPalSigner.TransmissionIdHeader, Pick("69cd13f0-d67a-11e5-baa3-778b53f4ae55", ids)),
                (PayPalSigner.TransmissionTimeHeader, Pick("2023-11-14T22:13:20Z", times)),
                (PayPalSigner.CertificateUrlHeader, Pick(PayPalSigner.DefaultCertificateUrl, urls)),
                (PayPalSigner.AlgorithmHeader, Pick("SHA256withRSA", algorithms)),
                (PayPalSigner.SignatureHeader, Pick(Convert.ToBase64String(RandomBytes(random, 256)), signatures)),
            ];
            var body = random.Next(3) == 0 ? RandomBytes(random) : signedBody;
            var request = ReceiverHarness.Request(body, headers: random.Next(8) == 0 ? [.. headers, headers[random.Next(headers.Length)]] : headers);

            var read = async () => await receiver.Provider.ReadAsync(request, CancellationToken.None);

            var result = (await read.Should().NotThrowAsync()).Subject;
            result.Status.Should().NotBe(WebhookProviderStatus.Accepted, "no edge value is the signature of its request");
            reasons.Add(result.RejectionReason);
        }

        reasons.Should().Contain(
        [
            WebhookRejectionReason.SignatureMissing, WebhookRejectionReason.SignatureMalformed, WebhookRejectionReason.SignedIdMalformed,
            WebhookRejectionReason.TimestampMalformed, WebhookRejectionReason.TimestampOutsideTolerance, WebhookRejectionReason.CertificateUrlNotAllowed,
            WebhookRejectionReason.CertificateUnavailable, WebhookRejectionReason.SignatureMismatch,
        ]);
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void Register(IWebhooksBuilder webhooks)
    {
        RegisterReceivers(webhooks);

        // After AddPayPal, whose certificate client would otherwise go to the network: the last primary handler wins.
        webhooks.Services.AddPayPalTestCertificates(PayPal);
    }

    private static void RegisterReceivers(IWebhooksBuilder webhooks) => webhooks
        .AddStandardWebhooks(o => o.Secrets.Add(StandardSecret))
        .AddSlack(o => o.Secrets.Add("slack-signing-secret-0123"))
        .AddShopify(o => o.Secrets.Add("shopify-client-secret-0123"))
        .AddTwilio(o => o.Secrets.Add("twilio-auth-token-0123"))
        .AddSendGrid(o => o.PublicKeys.Add("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g=="))
        .AddMailgun(o => o.Secrets.Add("mailgun-signing-key-0123"))
        .AddPayPal(PayPal.ConfigureReceiver)
        .AddHmac("hmac", o =>
        {
            o.Secrets.Add("hmac-shared-secret-0123");
            o.SignatureHeader = "X-Signature";
            o.TimestampHeader = "X-Timestamp";
            o.SignedContent = "{id}.{timestamp}.{body}";
            o.EventIdHeader = "X-Id";
            o.EventTypeProperty = "type";
        })
        .AddRazorpay(o => o.Secrets.Add("razorpay-webhook-secret-0123"))
        .AddPaddle(o => o.Secrets.Add("pdl_ntfset_paddle-secret-0123"))
        .AddBitbucket(o => o.Secrets.Add("bitbucket-webhook-secret-0123"))
        .AddSharedToken(o =>
        {
            o.Secrets.Add("shared-token-0123456789");
            o.EventIdHeader = "X-Id";
        });
}
