using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Tests.Providers;

/// <summary>
/// Issue #14 row 10: a body that repeats a property (or form field) the provider takes the event's identity from is
/// refused with 400, since the dedupe key (first value) and the handler's model (System.Text.Json: last value) would
/// otherwise disagree. Escaped or percent-encoded spellings of the same name count as repeats.
/// </summary>
public sealed class DuplicateIdentityTests
{
    private const string Form = "application/x-www-form-urlencoded";
    private const string TwilioUrl = "https://example.com/webhooks/twilio";

    [Theory]
    [InlineData("""{"id":"evt_A","type":"t","id":"evt_B"}""")]
    [InlineData("""{"id":"evt_A","type":"t","type":"u"}""")]
    [InlineData("""{"id":"evt_A","type":"t","\u0069d":"evt_B"}""")]
    [InlineData("""{"id":7,"type":"t","id":"evt_B"}""")]
    public void Read_StripeBodyRepeatingIdOrType_IsBadRequest(string json)
    {
        // Arrange
        using var receiver = ReceiverHarness.Create("stripe", webhooks => webhooks.AddStripe(o => o.Secrets.Add(TestSignatures.StripeSecret)), TestSignatures.Now);
        var body = Encoding.UTF8.GetBytes(json);

        // Act
        var result = receiver.Read(ReceiverHarness.Request(body, headers: TestSignatures.Stripe(body)));

        // Assert
        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_StripeBodyWithIdOnce_IsAccepted()
    {
        using var receiver = ReceiverHarness.Create("stripe", webhooks => webhooks.AddStripe(o => o.Secrets.Add(TestSignatures.StripeSecret)), TestSignatures.Now);
        var body = """{"id":"evt_A","type":"t","data":{"object":{"id":"pi_1","type":"card"}}}"""u8.ToArray();

        var result = receiver.Read(ReceiverHarness.Request(body, headers: TestSignatures.Stripe(body)));

        result.Status.Should().Be(WebhookProviderStatus.Accepted, "nested ids are not the event's");
        result.EventId.Should().Be("evt_A");
    }

    [Theory]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event_id":"Ev2","event":{"type":"app_mention"}}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention"},"event":{"type":"message"}}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","type":"message"}}""")]
    [InlineData("""{"type":"event_callback","type":"app_rate_limited","event_id":"Ev1","event":{"type":"app_mention"}}""")]
    public void Read_SlackEventRepeatingAnIdentityProperty_IsBadRequest(string json)
    {
        using var receiver = ReceiverHarness.Create("slack", webhooks => webhooks.AddSlack(o => o.Secrets.Add(TestSignatures.SlackSecret)), TestSignatures.Now);
        var body = Encoding.UTF8.GetBytes(json);

        var result = receiver.Read(ReceiverHarness.Request(body, headers: TestSignatures.Slack(body)));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Theory]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22trigger_id%22%3A%22t1%22%7D&payload=%7B%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22trigger_id%22%3A%22t1%22%7D&pay%6Coad=%7B%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22trigger_id%22%3A%22t1%22%2C%22trigger_id%22%3A%22t2%22%7D")]
    [InlineData("command=%2Fdeploy&trigger_id=t1&trigger_id=t2")]
    [InlineData("command=%2Fdeploy&trigger_id=t1&command=%2Fother")]
    public void Read_SlackFormRepeatingAnIdentityField_IsBadRequest(string form)
    {
        using var receiver = ReceiverHarness.Create("slack", webhooks => webhooks.AddSlack(o => o.Secrets.Add(TestSignatures.SlackSecret)), TestSignatures.Now);
        var body = Encoding.ASCII.GetBytes(form);

        var result = receiver.Read(ReceiverHarness.Request(body, Form, headers: TestSignatures.Slack(body)));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Theory]
    [InlineData("payload=%7B%22a%22%3A1%7D&payload=%7B%22a%22%3A2%7D")]
    [InlineData("payload=%7B%22a%22%3A1%7D&pay%6coad=%7B%22a%22%3A2%7D")]
    [InlineData("payload=%7B%22a%22%3A1%7D&%70ayload=%7B%22a%22%3A2%7D")]
    [InlineData("payload=%7B%22a%22%3A1%7D&payload")]
    public void Read_GitHubFormWithTwoPayloadFields_IsBadRequest(string form)
    {
        using var receiver = ReceiverHarness.Create("github", webhooks => webhooks.AddGitHub(o => o.Secrets.Add(TestSignatures.GitHubSecret)));
        var body = Encoding.ASCII.GetBytes(form);

        var result = receiver.Read(ReceiverHarness.Request(body, Form, headers: TestSignatures.GitHub(body)));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Fact]
    public void Read_GitHubFormWithAPercentEncodedPayloadName_IsAccepted()
    {
        using var receiver = ReceiverHarness.Create("github", webhooks => webhooks.AddGitHub(o => o.Secrets.Add(TestSignatures.GitHubSecret)));
        var body = "pay%6Coad=%7B%22a%22%3A1%7D&payloads=x"u8.ToArray();

        var result = receiver.Read(ReceiverHarness.Request(body, Form, headers: TestSignatures.GitHub(body)));

        result.Status.Should().Be(WebhookProviderStatus.Accepted);
        Encoding.UTF8.GetString(result.Payload!).Should().Be("""{"a":1}""");
    }

    [Theory]
    [InlineData("CallSid=CA1&CallStatus=completed&CallSid=CA2")]
    [InlineData("CallSid=CA1&CallStatus=ringing&CallStatus=completed")]
    [InlineData("MessageSid=SM1&MessageStatus=sent&MessageSid=SM2")]
    [InlineData("EventType=a&EventType=b&CallSid=CA1")]
    [InlineData("CallSid=&CallSid=CA1")]
    [InlineData("CallSid=CA1&Call%53id=CA2")]
    public void Read_TwilioFormRepeatingAnIdentityField_IsBadRequest(string form)
    {
        using var receiver = ReceiverHarness.Create("twilio", webhooks => webhooks.AddTwilio(o => o.Secrets.Add(TestSignatures.TwilioToken)));
        var fields = form.Split('&').Select(pair => pair.Split('=')).Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), p[1])).ToList();

        var result = receiver.Read(ReceiverHarness.Request(Encoding.ASCII.GetBytes(form), Form, TwilioUrl, TestSignatures.Twilio(TwilioUrl, fields)));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Theory]
    [InlineData("""{"type":"a","type":"b"}""")]
    [InlineData("""{"type":"a","\u0074ype":"b"}""")]
    public void Read_StandardWebhooksBodyRepeatingType_IsBadRequest(string json)
    {
        using var receiver = ReceiverHarness.Create("standardwebhooks", webhooks => webhooks.AddStandardWebhooks(o => o.Secrets.Add(TestSignatures.StandardSecret)), TestSignatures.Now);
        var body = Encoding.UTF8.GetBytes(json);

        var result = receiver.Read(ReceiverHarness.Request(body, headers: TestSignatures.StandardWebhooks(body)));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }

    [Theory]
    [InlineData("""{"id":"e1","kind":"k","id":"e2"}""")]
    [InlineData("""{"id":"e1","kind":"k","kind":"j"}""")]
    [InlineData("""{"id":1,"kind":"k","id":2}""")]
    public void Read_HmacBodyRepeatingIdOrTypeProperty_IsBadRequest(string json)
    {
        using var receiver = ReceiverHarness.Create("hmac", webhooks => webhooks.AddHmac("hmac", o =>
        {
            o.Secrets.Add(TestSignatures.HmacSecret);
            o.SignatureHeader = "X-Signature";
            o.EventIdProperty = "id";
            o.EventTypeProperty = "kind";
        }));
        var body = Encoding.UTF8.GetBytes(json);

        var result = receiver.Read(ReceiverHarness.Request(body, headers: ("X-Signature", TestSignatures.HmacHex(string.Empty, body))));

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
    }
}
