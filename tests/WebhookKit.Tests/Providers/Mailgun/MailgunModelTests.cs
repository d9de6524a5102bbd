using System.Text.Json;
using WebhookKit.Internal;
using WebhookKit.Mailgun;

namespace WebhookKit.Tests.Providers.Mailgun;

/// <summary>The Mailgun models on bodies shaped after Mailgun's "Webhook Payloads" documentation (placeholder values).</summary>
public sealed class MailgunModelTests
{
    [Fact]
    public void Deserialize_DeliveredWebhook_ReadsSignatureAndEventData()
    {
        var webhook = JsonSerializer.Deserialize(MailgunVectors.Json(), MailgunJsonContext.Default.MailgunWebhook)!;

        webhook.Signature!.Token.Should().Be(MailgunVectors.Token);
        webhook.Signature.Timestamp.Should().Be("1403645220");
        var data = webhook.EventData!;
        data.Should().BeEquivalentTo(new { Event = "delivered", Id = "CPgfbmQMTCKtHW6uIWtuVe", LogLevel = "info", Recipient = "alice@example.com", RecipientDomain = "example.com" });
        data.Timestamp.Should().BeApproximately(1521472262.908181, 1e-6);
        data.Tags.Should().Equal("my_tag_1");
        data.UserVariables!["my_var_1"].GetString().Should().Be("Mailgun Variable #1");
        data.Message!.Headers!.MessageId.Should().Be("20130503182626.18666.16540@example.com");
        data.Message.Size.Should().Be(111);
        data.DeliveryStatus.Should().BeEquivalentTo(new { Code = 250, Message = "OK", AttemptNo = 1 });
    }

    [Fact]
    public void Deserialize_FailedWebhook_ReadsSeverityReasonAndKeepsTheRest()
    {
        const string json = """{"signature":{"timestamp":"1","token":"t","signature":"s"},"event-data":{"event":"failed","severity":"permanent","reason":"bounce","delivery-status":{"code":"550","message":"No such user","attempt-no":"1"},"flags":{"is-routed":false},"envelope":{"targets":"alice@example.com"}}}""";

        var data = JsonSerializer.Deserialize(json, MailgunJsonContext.Default.MailgunWebhook)!.EventData!;

        data.Severity.Should().Be("permanent");
        data.Reason.Should().Be("bounce");
        data.DeliveryStatus!.Code.Should().Be(550);
        data.AdditionalProperties.Should().ContainKeys("flags", "envelope");
    }

    [Fact]
    public void Deserialize_RouteFormFieldsAsJson_ReadsTheInboundMessage()
    {
        FormPayloadReader.TryReadAll(MailgunVectors.Form("recipient=alice%40example.com&sender=bob%40example.com&from=Bob+%3Cbob%40example.com%3E&subject=Hi&body-plain=Hello%0A&stripped-text=Hello&attachment-count=0"), 100, out var fields)
            .Should().Be(FormReadStatus.Read);

        var message = JsonSerializer.Deserialize(FormPayloadReader.ToJson(fields), MailgunJsonContext.Default.MailgunInboundMessage)!;

        message.Should().BeEquivalentTo(new { Recipient = "alice@example.com", Sender = "bob@example.com", From = "Bob <bob@example.com>", Subject = "Hi", BodyPlain = "Hello\n", StrippedText = "Hello" });
        message.AdditionalProperties.Should().ContainKeys("attachment-count", "token", "timestamp", "signature");
    }

    [Fact]
    public void Deserialize_FormPayloadAsWebhook_ReadsWithoutThrowing()
    {
        // A legacy form webhook reaches MailgunWebhook handlers too: its "signature" is a string, not the block.
        FormPayloadReader.TryReadAll(MailgunVectors.Form("event=delivered"), 100, out var fields).Should().Be(FormReadStatus.Read);

        var webhook = JsonSerializer.Deserialize(FormPayloadReader.ToJson(fields), MailgunJsonContext.Default.MailgunWebhook)!;

        webhook.Signature.Should().BeNull();
        webhook.EventData.Should().BeNull();
    }
}
