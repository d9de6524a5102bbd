using System.Text.Json;
using WebhookKit.Stripe;

namespace WebhookKit.Tests.Providers.Stripe;

/// <summary><see cref="StripeEventData.Object"/> is kept as the payload's bytes and parsed on first use: as if it had been parsed at once.</summary>
public sealed class StripeEventDataLazyObjectTests
{
    private static StripeEventData ReadData() => JsonSerializer.Deserialize(
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "stripe", "customer.updated.json")),
        StripeJsonContext.Default.StripeEvent)!.Data!;

    [Fact]
    public void Object_ReadFromManyThreadsAtOnce_IsTheSameValueForAll()
    {
        // Arrange
        var data = ReadData();
        using var start = new Barrier(8);

        // Act
        var readers = new Thread[8];
        var texts = new string?[8];
        for (var i = 0; i < readers.Length; i++)
        {
            var index = i;
            readers[i] = new Thread(() =>
            {
                start.SignalAndWait(TimeSpan.FromSeconds(30));
                texts[index] = data.Object.GetRawText();
            });
            readers[i].Start();
        }

        foreach (var thread in readers)
        {
            thread.Join(TimeSpan.FromSeconds(30)).Should().BeTrue();
        }

        // Assert
        texts.Should().OnlyContain(text => text != null && text == texts[0]);
        JsonDocument.Parse(texts[0]!).RootElement.GetProperty("id").GetString().Should().Be("cus_DjL8lObxrWj04W");
        data.ObjectType.Should().Be("customer");
    }

    [Fact]
    public void Object_SetBeforeFirstRead_ReplacesThePayloadsObject()
    {
        // Arrange
        var data = ReadData();
        using var replacement = JsonDocument.Parse("""{"object":"invoice"}""");

        // Act
        data.Object = replacement.RootElement;

        // Assert
        data.ObjectType.Should().Be("invoice");
        data.Object.GetRawText().Should().Be("""{"object":"invoice"}""");
    }

    [Fact]
    public void Object_OfAnEventWritten_IsWrittenAsThePayloadHadIt()
    {
        // Arrange
        var data = ReadData();

        // Act
        var written = JsonSerializer.Serialize(new StripeEvent { Id = "evt_1", Data = data }, StripeJsonContext.Default.StripeEvent);

        // Assert
        using var document = JsonDocument.Parse(written);
        document.RootElement.GetProperty("data").GetProperty("object").GetProperty("email").ValueKind.Should().Be(JsonValueKind.Null);
        document.RootElement.GetProperty("data").GetProperty("object").GetProperty("id").GetString().Should().Be("cus_DjL8lObxrWj04W");
    }
}
