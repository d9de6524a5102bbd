using System.Text;
using WebhookKit.Slack;

namespace WebhookKit.Tests.Providers.Slack;

/// <summary>Regression cases found by <c>ParserFuzzTests</c>, kept as fixed examples.</summary>
public sealed class SlackPayloadScannerTests
{
    [Theory]
    [InlineData("""{"type":"event_callback","type":[],"event_id":"Ev1","event":{"type":"app_mention"}}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event_id":{"x":1},"event":{"type":"app_mention"}}""")]
    [InlineData("""{"event":{"type":"app_mention"},"type":"event_callback","event":{"type":"other"},"event_id":"Ev1"}""")]
    [InlineData("""{"challenge":null,"type":"event_callback","challenge":[1,2],"event_id":"Ev1","event":{"type":"app_mention"}}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","type":"other"}}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","\u0065vent_id":"Ev2","event":{"type":"app_mention"}}""")]
    public void TryScan_RepeatedProperty_IsFalse(string json)
    {
        // The scan would keep one value and System.Text.Json's models (last wins) the other: the dedupe key, the routed
        // type and what the handler reads could disagree, so the body is refused (400).
        SlackPayloadScanner.TryScan(Encoding.UTF8.GetBytes(json), out var fields).Should().BeFalse();

        fields.Should().Be(default(SlackEnvelopeFields));
    }

    [Fact]
    public void TryScan_InvalidUtf8InASkippedValue_IsFalse()
    {
        byte[] json = [.. """{"type":"event_callback","event_id":"Ev1","text":" """u8, 0xFF, .. "\"}"u8];

        SlackPayloadScanner.TryScan(json, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("""{"type":"url_verification","challenge":"a\uDA89b"}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","event":{"type":"\uDC00"}}""")]
    [InlineData("""{"type":"event_callback","event_id":"Ev1","challenge":"ok","challenge":"\uD800"}""")]
    public void TryScan_LoneSurrogateEscapeInAFieldItDecodes_IsFalse(string json)
    {
        // Well-formed JSON, but the escaped value is not a string: the body is refused (400), never half-read.
        SlackPayloadScanner.TryScan(System.Text.Encoding.UTF8.GetBytes(json), out _).Should().BeFalse();
    }

    [Fact]
    public void TryScan_LoneSurrogateEscapeInASkippedValue_IsTrue()
    {
        var json = """{"type":"event_callback","event_id":"Ev1","text":"\uDA89"}"""u8;

        SlackPayloadScanner.TryScan(json, out var fields).Should().BeTrue();
        fields.EventId.Should().Be("Ev1");
    }
}
