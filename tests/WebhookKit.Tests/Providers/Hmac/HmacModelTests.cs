using System.Text.Json;
using WebhookKit.Hmac;
using WebhookKit.StandardWebhooks;

namespace WebhookKit.Tests.Providers.Hmac;

public sealed class HmacModelTests
{
    [Theory]
    [InlineData("""{"type":"invoice.paid","data":{"amount":10}}""", JsonValueKind.Object)]
    [InlineData("""[{"type":"a"},{"type":"b"}]""", JsonValueKind.Array)]
    [InlineData("42", JsonValueKind.Number)]
    public void Deserialize_AnyJson_IsKeptWhole(string json, JsonValueKind kind)
    {
        var evt = JsonSerializer.Deserialize(json, HmacJsonContext.Default.HmacEvent)!;

        evt.Json.ValueKind.Should().Be(kind);
        evt.Json.GetRawText().Should().Be(json);
    }

    [Fact]
    public void Deserialize_StandardWebhooksEnvelope_ReadsTypeTimestampAndData()
    {
        var evt = JsonSerializer.Deserialize(
            """{"type":"user.created","timestamp":"2022-11-03T20:26:10.344522Z","data":{"id":"1f81eb52-5198-4599-803e-771906343485","extra":[1]}}""",
            StandardWebhooksJsonContext.Default.StandardWebhooksEvent)!;
        var unusual = JsonSerializer.Deserialize("""{"type":"x","timestamp":1667507170,"payload":{}}""", StandardWebhooksJsonContext.Default.StandardWebhooksEvent)!;

        evt.Type.Should().Be("user.created");
        evt.Timestamp.GetString().Should().Be("2022-11-03T20:26:10.344522Z");
        evt.Data.GetProperty("id").GetString().Should().Be("1f81eb52-5198-4599-803e-771906343485");
        unusual.Timestamp.GetInt64().Should().Be(1667507170);
        unusual.Data.ValueKind.Should().Be(JsonValueKind.Undefined);
    }
}
