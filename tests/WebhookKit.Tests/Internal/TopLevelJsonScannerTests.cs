using System.Text;
using WebhookKit.Internal;

namespace WebhookKit.Tests.Internal;

/// <summary>Regression cases found by <c>ParserFuzzTests</c>, kept as fixed examples.</summary>
public sealed class TopLevelJsonScannerTests
{
    [Theory]
    [InlineData("""{"id":"evt_1","type":"t","note":"#"}""")]   // invalid UTF-8 in a value the scan skips
    [InlineData("""{"id":"evt_1","#":1,"type":"t"}""")]        // invalid UTF-8 in a property name it skips
    public void TryReadValues_InvalidUtf8AnywhereInTheBody_IsFalse(string template)
    {
        var parts = template.Split('#');
        byte[] json = [.. Encoding.UTF8.GetBytes(parts[0]), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(parts[1])];

        TopLevelJsonScanner.TryReadValues(json, "id"u8, "type"u8, acceptNumbers: false, out var id, out var type).Should().BeFalse();
        (id, type).Should().Be((null, null));
    }

    [Fact]
    public void TryReadValues_RepeatedPropertyWhoseFirstValueIsNotAString_IsFalse()
    {
        var json = """{"id":7,"type":"t","id":"evt_2","type":"ignored"}"""u8;

        TopLevelJsonScanner.TryReadValues(json, "id"u8, "type"u8, acceptNumbers: false, out var id, out var type).Should().BeFalse();
        (id, type).Should().Be((null, null));
    }

    [Theory]
    [InlineData("""{"id":"evt_A","type":"t","id":"evt_B"}""")]
    [InlineData("""{"id":"evt_A","type":"t","\u0069d":"evt_B"}""")]
    [InlineData("""{"id":null,"type":"t","id":"evt_B"}""")]
    [InlineData("""{"type":"t","type":"u","id":"evt_A"}""")]
    public void Scan_RepeatedPropertyLookedFor_IsRepeatedProperty(string json)
    {
        TopLevelJsonScanner.Scan(Encoding.UTF8.GetBytes(json), "id"u8, "type"u8, acceptNumbers: false, out var id, out var type).Should().Be(JsonScanStatus.RepeatedProperty);

        (id, type).Should().Be((null, null));
    }

    [Fact]
    public void Scan_RepeatedPropertyNotLookedForOrNested_IsRead()
    {
        var json = """{"id":"evt_A","note":1,"note":2,"type":"t","data":{"id":"x","id":"y"}}"""u8;

        TopLevelJsonScanner.Scan(json, "id"u8, "type"u8, acceptNumbers: false, out var id, out var type).Should().Be(JsonScanStatus.Read);

        (id, type).Should().Be(("evt_A", "t"));
    }
}
