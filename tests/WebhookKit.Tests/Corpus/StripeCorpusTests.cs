using System.Globalization;
using System.Text.Json;
using WebhookKit.Stripe;

namespace WebhookKit.Tests.Corpus;

/// <summary>Stripe's own event fixtures (v1 snapshot events and v2 thin events), read by <see cref="StripeEvent"/>.</summary>
public sealed class StripeCorpusTests
{
    public static TheoryData<string> Payloads => CorpusFiles.Of("stripe");

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Deserialize_AnyEvent_ReadsEnvelope(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("stripe", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Act
        var evt = ModelReader.Read(json, StripeJsonContext.Default.StripeEvent);

        // Assert
        evt.Id.Should().Be(Json.String(root, "id"));
        evt.Object.Should().Be(Json.String(root, "object"));
        evt.Type.Should().Be(Json.String(root, "type"));
        evt.ApiVersion.Should().Be(Json.String(root, "api_version"));
        evt.Livemode.Should().Be(Json.Boolean(root, "livemode") ?? false);
        evt.Created.Should().Be(ExpectedCreated(Json.At(root, "created")));
        evt.PendingWebhooks.Should().Be(Json.Int64(root, "pending_webhooks") ?? 0);
        evt.Account.Should().Be(Json.String(root, "account"));
        evt.Context.Should().Be(Json.String(root, "context"));
        (evt.RelatedObject?.Id).Should().Be(Json.String(root, "related_object", "id"));
        (evt.RelatedObject?.Type).Should().Be(Json.String(root, "related_object", "type"));
        (evt.RelatedObject?.Url).Should().Be(Json.String(root, "related_object", "url"));
        (evt.Reason?.GetRawText()).Should().Be(Json.At(root, "reason")?.GetRawText());
        (evt.Request?.Id).Should().Be(Json.At(root, "request") is { ValueKind: JsonValueKind.String } id ? id.GetString() : Json.String(root, "request", "id"));
        (evt.Data is null).Should().Be(Json.At(root, "data") is null);
        (evt.Data?.Object.ValueKind is JsonValueKind.Object ? evt.Data.Object.GetRawText() : null)
            .Should().Be(Json.At(root, "data", "object")?.GetRawText());
    }

    private static long ExpectedCreated(JsonElement? created) => created switch
    {
        null => 0,
        { ValueKind: JsonValueKind.Number } seconds => seconds.GetInt64(),
        var iso => DateTimeOffset.Parse(iso.Value.GetString()!, CultureInfo.InvariantCulture).ToUnixTimeSeconds(),
    };
}
