using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using CsCheck;
using WebhookKit.SendGrid;
using Xunit.Abstractions;

namespace WebhookKit.Tests.Fuzz;

/// <summary>
/// The SendGrid batch scanner under fuzz: random bytes never throw, and on random batches (events with zero, one or two
/// <c>sg_event_id</c>s among other properties) it accepts exactly what System.Text.Json reads as an array of objects
/// with at most one id each (in valid UTF-8), and a batch of one event gets that event's id.
/// </summary>
[Trait(FuzzSettings.Category, FuzzSettings.Fuzz)]
public sealed class SendGridScannerFuzzTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Property = Gen.OneOf(
        FuzzGen.Id.Select(id => $"\"sg_event_id\":\"{id}\""),
        Gen.Const("\"sg_event_id\":7"),
        FuzzGen.Id.Select(value => $"\"event\":\"{value}\""),
        Gen.Long.Select(value => $"\"timestamp\":{value}"),
        Gen.Const("\"category\":[\"a\",\"b\"]"),
        Gen.Const("\"x\":{\"sg_event_id\":\"nested\"}"));

    private static readonly Gen<byte[]> Batches = Property.Array[0, 4]
        .Select(properties => "{" + string.Join(',', properties) + "}")
        .Array[0, 4]
        .Select(events => Encoding.UTF8.GetBytes("[" + string.Join(',', events) + "]"));

    [Fact]
    public void TryScan_RandomBytes_NeverThrows() =>
        Gen.Byte.Array[0, 512].Sample(bytes => { _ = SendGridBatchScanner.TryScan(bytes, out _, out _); }, iter: FuzzSettings.Iterations, writeLine: output.WriteLine);

    [Fact]
    public void TryScan_RandomAndChangedBatches_AgreesWithSystemTextJson()
    {
        Gen.Select(Batches, FuzzGen.Choice, Gen.Bool, (json, choice, change) => change ? FuzzGen.ChangeBody(json, choice) : json).Sample(
            bytes =>
            {
                var scanned = SendGridBatchScanner.TryScan(bytes, out var count, out var eventId);
                var reference = Reference(bytes);

                scanned.Should().Be(reference is not null, Encoding.UTF8.GetString(bytes));
                if (reference is not null)
                {
                    count.Should().Be(reference.Count);
                    if (reference is [{ } single])
                    {
                        eventId.Should().Be(single);
                    }
                }
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    /// <summary>The events' string ids (null where an event has none) as JsonDocument reads them, or null when the scanner must refuse.</summary>
    private static List<string?>? Reference(byte[] bytes)
    {
        // Invalid UTF-8 anywhere is refused, also where JsonDocument would not decode it (a property name).
        if (!Utf8.IsValid(bytes))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            List<string?> ids = [];
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                var values = item.EnumerateObject().Where(p => p.NameEquals("sg_event_id")).Select(p => p.Value).ToList();
                if (values.Count > 1)
                {
                    return null;
                }

                ids.Add(values is [{ ValueKind: JsonValueKind.String } value] && value.GetString() is { Length: > 0 } id ? id : null);
            }

            return ids;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
