using System.Text.Json;
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
}
