using System.Globalization;
using System.Text.Json;
using WebhookKit.Shopify;

namespace WebhookKit.Tests.Corpus;

/// <summary>
/// Shopify payloads of several topics (file name: the topic with <c>.</c> for <c>/</c>), read by the catch-all
/// <see cref="ShopifyEvent"/> and, for order topics, by <see cref="ShopifyOrder"/>.
/// </summary>
public sealed class ShopifyCorpusTests
{
    public static TheoryData<string> Payloads => CorpusFiles.Of("shopify");

    public static TheoryData<string> OrderPayloads => CorpusFiles.Of("shopify", static path => path.StartsWith("orders.", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Deserialize_AnyTopicAsCatchAll_ReadsCommonFields(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("shopify", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var id = Json.At(root, "id");

        // Act
        var evt = ModelReader.Read(json, ShopifyJsonContext.Default.ShopifyEvent);

        // Assert
        evt.Id.Should().Be(id is { ValueKind: JsonValueKind.Number } number ? number.GetRawText() : id?.GetString());
        evt.NumericId.Should().Be(id is { ValueKind: JsonValueKind.Number } ? id.Value.GetInt64() : null);
        evt.AdminGraphqlApiId.Should().Be(Json.String(root, "admin_graphql_api_id"));
        evt.CreatedAt.Should().Be(Date(Json.String(root, "created_at")));
        evt.UpdatedAt.Should().Be(Date(Json.String(root, "updated_at")));
    }

    [Theory]
    [MemberData(nameof(OrderPayloads))]
    public void Deserialize_OrderTopic_ReadsOrder(string path)
    {
        // Arrange
        var json = CorpusFiles.Read("shopify", path);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        // Act
        var order = ModelReader.Read(json, ShopifyJsonContext.Default.ShopifyOrder);

        // Assert
        order.Id.Should().Be(Json.Int64(root, "id"));
        order.Name.Should().Be(Json.String(root, "name"));
        order.TotalPrice.Should().Be(decimal.Parse(Json.String(root, "total_price")!, CultureInfo.InvariantCulture));
        (order.Customer?.Id).Should().Be(Json.Int64(root, "customer", "id"));
        (order.LineItems?.Count).Should().Be(Json.Length(root, "line_items"));
    }

    private static DateTimeOffset? Date(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);
}
