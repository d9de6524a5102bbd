using System.Text.Json;
using WebhookKit.Internal;
using WebhookKit.Shopify;

namespace WebhookKit.Tests.Providers.Shopify;

public sealed class ShopifyModelTests
{
    private static byte[] ReadPayload(string fileName) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "shopify", fileName));

    [Fact]
    public void Deserialize_OrdersCreatePayload_ReadsOrderBasicsAndAmountsAsDecimals()
    {
        var order = JsonSerializer.Deserialize(ReadPayload("orders-create.json"), ShopifyJsonContext.Default.ShopifyOrder)!;

        order.Id.Should().Be(820982911946154508);
        order.AdminGraphqlApiId.Should().Be("gid://shopify/Order/820982911946154508");
        order.Name.Should().Be("#9999");
        order.OrderNumber.Should().Be(1234);
        order.Email.Should().Be("jon@example.com");
        order.Currency.Should().Be("USD");
        order.TotalPrice.Should().Be(403.00m);
        order.SubtotalPrice.Should().Be(388.00m);
        order.TotalTax.Should().Be(0m);
        order.TotalDiscounts.Should().Be(20.00m);
        order.FinancialStatus.Should().Be("voided");
        order.FulfillmentStatus.Should().Be("pending");
        order.Test.Should().BeTrue();
        order.CreatedAt.Should().Be(new DateTimeOffset(2021, 12, 31, 19, 0, 0, TimeSpan.FromHours(-5)));
        order.CancelledAt.Should().BeNull();
        order.Customer!.Id.Should().Be(115310627314723954);
        order.Customer.FirstName.Should().Be("John");
        order.LineItems.Should().HaveCount(2);
        order.LineItems![0].Should().BeEquivalentTo(new { Id = 866550311766439020, ProductId = (long?)632910392, VariantId = (long?)808950810, Sku = "IPOD2008PINK", Quantity = 1, Price = (decimal?)199.00m });
        order.LineItems[1].ProductId.Should().BeNull();
    }

    [Fact]
    public void Deserialize_AnyPayloadAsCatchAll_ReadsCommonFields()
    {
        var order = JsonSerializer.Deserialize(ReadPayload("orders-create.json"), ShopifyJsonContext.Default.ShopifyEvent)!;
        var product = JsonSerializer.Deserialize("""{"id":9554194432293,"title":"T-Shirt","updated_at":"2025-04-22T14:30:00-05:00","variants":[]}""", ShopifyJsonContext.Default.ShopifyEvent)!;
        var redaction = JsonSerializer.Deserialize("""{"shop_id":954889,"shop_domain":"example.myshopify.com"}""", ShopifyJsonContext.Default.ShopifyEvent)!;

        order.Id.Should().Be("820982911946154508");
        order.NumericId.Should().Be(820982911946154508);
        product.Id.Should().Be("9554194432293");
        product.UpdatedAt.Should().Be(new DateTimeOffset(2025, 4, 22, 14, 30, 0, TimeSpan.FromHours(-5)));
        redaction.Id.Should().BeNull();
    }

    [Fact]
    public void Deserialize_CartWithStringTokenId_ReadsIdAsString()
    {
        // Arrange: carts/create and carts/update send the cart token as "id".
        var json = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "corpus", "shopify", "carts.create.json"));

        // Act
        var viaSerializer = JsonSerializer.Deserialize(json, ShopifyJsonContext.Default.ShopifyEvent);
        var viaDispatch = new DeclaredPropertyReader<ShopifyEvent>(ShopifyJsonContext.Default.ShopifyEvent).Deserialize(json);

        // Assert
        foreach (var cart in new[] { viaSerializer, viaDispatch })
        {
            cart.Should().NotBeNull();
            cart!.Id.Should().Be("eeafa272cebfd4b22385bc4b645e762c");
            cart.NumericId.Should().BeNull();
            cart.UpdatedAt.Should().Be(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }
    }

    [Theory]
    [InlineData("9554194432293")]
    [InlineData("\"9554194432293\"")]
    public void Deserialize_NumericIdAsNumberOrString_ReadsDigitsAndNumber(string id)
    {
        // Arrange
        var json = $$"""{"id":{{id}}}""";

        // Act
        var evt = JsonSerializer.Deserialize(json, ShopifyJsonContext.Default.ShopifyEvent)!;

        // Assert
        evt.Id.Should().Be("9554194432293");
        evt.NumericId.Should().Be(9554194432293);
    }

    [Fact]
    public void Deserialize_IdLargerThanInt64_KeepsItsDigits()
    {
        // Arrange
        var json = """{"id":123456789012345678901234567890}""";

        // Act
        var evt = JsonSerializer.Deserialize(json, ShopifyJsonContext.Default.ShopifyEvent)!;

        // Assert
        evt.Id.Should().Be("123456789012345678901234567890");
        evt.NumericId.Should().BeNull();
    }

    [Theory]
    [InlineData("eeafa272cebfd4b22385bc4b645e762c", "{\"id\":\"eeafa272cebfd4b22385bc4b645e762c\"}")]
    [InlineData("820982911946154508", "{\"id\":820982911946154508}")]
    public void Serialize_Id_WritesItAsItCame(string id, string expected)
    {
        // Arrange
        var evt = new ShopifyEvent { Id = id };

        // Act
        var json = JsonSerializer.Serialize(evt, ShopifyJsonContext.Default.ShopifyEvent);

        // Assert
        json.Should().Be(expected);
    }

    [Fact]
    public void Deserialize_IdAsObject_ThrowsJsonException()
    {
        // Arrange
        var json = """{"id":{"nested":1}}""";

        // Act
        var act = () => JsonSerializer.Deserialize(json, ShopifyJsonContext.Default.ShopifyEvent);

        // Assert
        act.Should().Throw<JsonException>();
    }
}
