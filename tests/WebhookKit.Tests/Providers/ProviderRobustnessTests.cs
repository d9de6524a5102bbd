using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Tests.Providers;

/// <summary><see cref="IWebhookProvider.Read"/> must not throw on any input: random bodies, headers and content types never escape as exceptions.</summary>
public sealed class ProviderRobustnessTests
{
    private const string StandardSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    public static TheoryData<string> Receivers => ["standardwebhooks", "slack", "shopify", "twilio", "hmac", "razorpay", "paddle", "bitbucket", "token", "sendgrid", "mailgun"];

    [Theory]
    [MemberData(nameof(Receivers))]
    public void Read_RandomInput_NeverThrows(string receiverName)
    {
        using var receiver = ReceiverHarness.Create(receiverName, Register, nowUnixSeconds: 1_700_000_000);
        var random = new Random(receiverName.Length * 7919);
        string[] headerNames =
        [
            "webhook-id", "webhook-timestamp", "webhook-signature", "svix-id", "svix-timestamp", "svix-signature",
            "X-Slack-Signature", "X-Slack-Request-Timestamp", "X-Shopify-Hmac-Sha256", "X-Shopify-Topic", "X-Shopify-Webhook-Id",
            "X-Twilio-Signature", "I-Twilio-Idempotency-Token", "X-Signature", "X-Timestamp", "X-Id", "X-Type",
            "X-Razorpay-Signature", "X-Razorpay-Event-Id", "Paddle-Signature", "X-Hub-Signature", "X-Event-Key", "X-Request-UUID", "Authorization",
            "X-Twilio-Email-Event-Webhook-Signature", "X-Twilio-Email-Event-Webhook-Timestamp",
        ];
        string[] values =
        [
            "", "v1,", "v0=", "v1,AAAA", "1700000000", "-1", "99999999999999999999999", "payload=", "sha256=zz",
            "RSOYDt4T1cUTdK1PDd93/VVr8B8=", "v1a,x v1,y", new string('a', 5000), "é\u0000\uFFFF",
            "ts=1700000000;h1=00", "ts=;h1=", "sha256=", "Bearer ", "Bearer x", "repo:push",
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

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    private static void Register(IWebhooksBuilder webhooks) => webhooks
        .AddStandardWebhooks(o => o.Secrets.Add(StandardSecret))
        .AddSlack(o => o.Secrets.Add("slack-signing-secret-0123"))
        .AddShopify(o => o.Secrets.Add("shopify-client-secret-0123"))
        .AddTwilio(o => o.Secrets.Add("twilio-auth-token-0123"))
        .AddSendGrid(o => o.PublicKeys.Add("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g=="))
        .AddMailgun(o => o.Secrets.Add("mailgun-signing-key-0123"))
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
