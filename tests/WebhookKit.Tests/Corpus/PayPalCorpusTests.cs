using System.Text.Json;
using WebhookKit.PayPal;

namespace WebhookKit.Tests.Corpus;

/// <summary>PayPal's own sample deliveries, read by <see cref="PayPalEvent"/>.</summary>
public sealed class PayPalCorpusTests
{
    public static TheoryData<string> Payloads => CorpusFiles.Of("paypal");

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Deserialize_AnyPayload_ReadsEnvelope(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("paypal", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Act
        var paypal = ModelReader.Read(json, PayPalJsonContext.Default.PayPalEvent);

        // Assert
        paypal.Id.Should().Be(Json.String(root, "id")).And.StartWith("WH-");
        paypal.EventType.Should().Be(Json.String(root, "event_type")).And.Be(Path.GetFileNameWithoutExtension(path));
        paypal.ResourceType.Should().Be(Json.String(root, "resource_type"));
        paypal.Summary.Should().Be(Json.String(root, "summary"));
        paypal.CreateTime.Should().NotBeNull();
        paypal.Resource.GetProperty("id").GetString().Should().Be(Json.String(root, "resource", "id"));
    }

    [Fact]
    public void Deserialize_EnvelopeWithoutOptionalFields_ReadsWhatIsThere()
    {
        var paypal = ModelReader.Read("""{"id":"WH-1","event_type":"X.Y","resource":[1,2]}"""u8.ToArray(), PayPalJsonContext.Default.PayPalEvent);

        paypal.Id.Should().Be("WH-1");
        paypal.CreateTime.Should().BeNull();
        paypal.Resource.ValueKind.Should().Be(JsonValueKind.Array);
    }
}
