using System.Text.Json;
using WebhookKit.Internal;
using WebhookKit.Twilio;

namespace WebhookKit.Tests.Providers.Twilio;

public sealed class TwilioModelTests
{
    [Fact]
    public void Deserialize_StatusCallbackParameters_ReadsKnownOnesAndKeepsTheRest()
    {
        var evt = JsonSerializer.Deserialize(
            """{"AccountSid":"AC1","MessageSid":"SM1","SmsSid":"SM1","MessageStatus":"delivered","From":"+15017122661","To":"+15558675310","ApiVersion":"2010-04-01","RawDlrDoneDate":"2401011200"}""",
            TwilioJsonContext.Default.TwilioEvent)!;

        evt.AccountSid.Should().Be("AC1");
        evt.MessageSid.Should().Be("SM1");
        evt.MessageStatus.Should().Be("delivered");
        evt.From.Should().Be("+15017122661");
        evt.CallSid.Should().BeNull();
        evt.Parameters.Should().ContainKey("RawDlrDoneDate").WhoseValue.GetString().Should().Be("2401011200");
    }

    [Fact]
    public void Deserialize_JsonBodyWithNumbersAndObjects_ReadsNumbersAsTextAndKeepsTheRest()
    {
        // Arrange: a JSON delivery (signed with bodySHA256) need not send every value as a string.
        var json = """{"AccountSid":"AC1","ErrorCode":30003,"To":null,"Body":true,"From":{"nested":1},"boolean":true}"""u8.ToArray();

        // Act
        var evt = JsonSerializer.Deserialize(json, TwilioJsonContext.Default.TwilioEvent)!;

        // Assert
        evt.AccountSid.Should().Be("AC1");
        evt.ErrorCode.Should().Be("30003");
        evt.To.Should().BeNull();
        evt.Body.Should().Be("true");
        evt.From.Should().BeNull();
        evt.Parameters.Should().ContainKey("From").WhoseValue.GetProperty("nested").GetInt32().Should().Be(1);
        evt.Parameters.Should().ContainKey("boolean").WhoseValue.GetBoolean().Should().BeTrue();
    }

    [Fact]
    public void Deserialize_EventStreamsArrayBody_ReadsEventWithoutParameters()
    {
        // Arrange: an Event Streams webhook sink delivers an array of CloudEvents.
        var json = """[{"specversion":"1.0","type":"com.twilio.messaging.message.delivered","source":"/2010-04-01/Accounts/AC1/Messages/SM1.json","id":"EZ1","dataschema":"https://events-schemas.twilio.com/Messaging.MessageStatus/2","datacontenttype":"application/json","time":"2024-01-01T00:00:00.000Z","data":{"messageSid":"SM1","accountSid":"AC1","messageStatus":"DELIVERED"}}]"""u8.ToArray();

        // Act
        var viaSerializer = JsonSerializer.Deserialize(json, TwilioJsonContext.Default.TwilioEvent);
        var viaDispatch = new DeclaredPropertyReader<TwilioEvent>(TwilioJsonContext.Default.TwilioEvent).Deserialize(json);

        // Assert
        foreach (var evt in new[] { viaSerializer, viaDispatch })
        {
            evt.Should().NotBeNull();
            evt!.AccountSid.Should().BeNull();
            evt.Parameters.Should().BeNull();
        }
    }

    [Fact]
    public void Serialize_Event_WritesNamedParametersThenTheRest()
    {
        // Arrange
        var evt = JsonSerializer.Deserialize("""{"MessageSid":"SM1","Extra":"x","MessageStatus":"sent"}""", TwilioJsonContext.Default.TwilioEvent)!;

        // Act
        var json = JsonSerializer.Serialize(evt, TwilioJsonContext.Default.TwilioEvent);

        // Assert
        json.Should().Be("""{"MessageSid":"SM1","MessageStatus":"sent","Extra":"x"}""");
    }
}
