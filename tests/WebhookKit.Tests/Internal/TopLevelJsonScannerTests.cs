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
}
