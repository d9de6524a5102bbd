using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Tests.Providers;

/// <summary>
/// Issue #14 row 6: each provider says whether its event id and type come from signed content
/// (<see cref="WebhookProviderResult.IsEventIdSigned"/>); when not, the receive path also claims the body's digest.
/// </summary>
public sealed class EventIdSignedTests
{
    private const string Form = "application/x-www-form-urlencoded";

    [Fact]
    public void Read_Stripe_IsSigned()
    {
        using var receiver = ReceiverHarness.Create("stripe", webhooks => webhooks.AddStripe(o => o.Secrets.Add(TestSignatures.StripeSecret)), TestSignatures.Now);
        var body = """{"id":"evt_1","type":"ping"}"""u8.ToArray();

        var result = receiver.Read(ReceiverHarness.Request(body, headers: TestSignatures.Stripe(body)));

        (result.Status, result.IsEventIdSigned).Should().Be((WebhookProviderStatus.Accepted, true));
    }

    [Fact]
    public void Read_StandardWebhooks_IsSigned()
    {
        using var receiver = ReceiverHarness.Create("standardwebhooks", webhooks => webhooks.AddStandardWebhooks(o => o.Secrets.Add(TestSignatures.StandardSecret)), TestSignatures.Now);
        var body = """{"type":"invoice.paid"}"""u8.ToArray();

        var result = receiver.Read(ReceiverHarness.Request(body, headers: TestSignatures.StandardWebhooks(body)));

        (result.Status, result.IsEventIdSigned).Should().Be((WebhookProviderStatus.Accepted, true));
    }

    [Theory]
    [InlineData("application/json", """{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention"}}""")]
    [InlineData("application/json", """{"type":"app_rate_limited","team_id":"T1"}""")]
    [InlineData(Form, "command=%2Fdeploy&trigger_id=t1")]
    [InlineData(Form, "payload=%7B%22type%22%3A%22block_actions%22%2C%22trigger_id%22%3A%22t1%22%7D")]
    public void Read_Slack_IsSignedSinceIdAndTypeComeFromTheSignedBody(string contentType, string text)
    {
        using var receiver = ReceiverHarness.Create("slack", webhooks => webhooks.AddSlack(o => o.Secrets.Add(TestSignatures.SlackSecret)), TestSignatures.Now);
        var body = Encoding.UTF8.GetBytes(text);

        var result = receiver.Read(ReceiverHarness.Request(body, contentType, headers: TestSignatures.Slack(body)));

        (result.Status, result.IsEventIdSigned).Should().Be((WebhookProviderStatus.Accepted, true));
    }

    [Theory]
    [InlineData("application/json", "{}")]
    [InlineData(Form, "payload=%7B%7D")]
    public void Read_GitHub_IsUnsigned(string contentType, string text)
    {
        using var receiver = ReceiverHarness.Create("github", webhooks => webhooks.AddGitHub(o => o.Secrets.Add(TestSignatures.GitHubSecret)));
        var body = Encoding.UTF8.GetBytes(text);

        var result = receiver.Read(ReceiverHarness.Request(body, contentType, headers: TestSignatures.GitHub(body)));

        (result.Status, result.IsEventIdSigned).Should().Be((WebhookProviderStatus.Accepted, false));
        result.BodyMac.ToArray().Should().Equal(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestSignatures.GitHubSecret), body), "the verified MAC identifies the body");
    }

    [Fact]
    public void Read_Shopify_IsUnsigned()
    {
        using var receiver = ReceiverHarness.Create("shopify", webhooks => webhooks.AddShopify(o => o.Secrets.Add(TestSignatures.ShopifySecret)));
        var body = """{"id":1}"""u8.ToArray();

        var result = receiver.Read(ReceiverHarness.Request(body, headers: TestSignatures.Shopify(body)));

        (result.Status, result.IsEventIdSigned).Should().Be((WebhookProviderStatus.Accepted, false));
        result.BodyMac.ToArray().Should().Equal(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestSignatures.ShopifySecret), body));
    }

    [Fact]
    public void Read_Twilio_IsUnsigned()
    {
        const string url = "https://example.com/webhooks/twilio";
        using var receiver = ReceiverHarness.Create("twilio", webhooks => webhooks.AddTwilio(o => o.Secrets.Add(TestSignatures.TwilioToken)));
        var body = "CallSid=CA1&CallStatus=completed"u8.ToArray();
        KeyValuePair<string, string>[] fields = [new("CallSid", "CA1"), new("CallStatus", "completed")];

        var result = receiver.Read(ReceiverHarness.Request(body, Form, url, [.. TestSignatures.Twilio(url, fields), ("I-Twilio-Idempotency-Token", "tok-1")]));

        (result.Status, result.IsEventIdSigned).Should().Be((WebhookProviderStatus.Accepted, false));
    }

    [Theory]
    [InlineData("{id}.{body}", "X-Id", null, "type", true)]      // id signed through {id}, type from the body
    [InlineData(null, null, "id", "type", true)]                  // both from the signed body
    [InlineData(null, "X-Id", null, "type", false)]               // id header not in the signed content
    [InlineData("{id}.{body}", "X-Id", null, null, false)]        // type from an unsigned header
    public void Read_Hmac_IsSignedOnlyWhenIdAndTypeAreBothSigned(string? signedContent, string? idHeader, string? idProperty, string? typeProperty, bool expected)
    {
        using var receiver = ReceiverHarness.Create("hmac", webhooks => webhooks.AddHmac("hmac", o =>
        {
            o.Secrets.Add(TestSignatures.HmacSecret);
            o.SignatureHeader = "X-Signature";
            o.SignedContent = signedContent;
            o.EventIdHeader = idHeader;
            o.EventIdProperty = idProperty;
            o.EventTypeProperty = typeProperty;
            o.EventTypeHeader = typeProperty is null ? "X-Type" : null;
        }));
        var body = """{"id":"e1","type":"t"}"""u8.ToArray();
        var prefix = signedContent is null ? string.Empty : "e1.";

        var result = receiver.Read(ReceiverHarness.Request(body, headers: [("X-Signature", TestSignatures.HmacHex(prefix, body)), ("X-Id", "e1"), ("X-Type", "t")]));

        (result.Status, result.IsEventIdSigned).Should().Be((WebhookProviderStatus.Accepted, expected));
    }
}
