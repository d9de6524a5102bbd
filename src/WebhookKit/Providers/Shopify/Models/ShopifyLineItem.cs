namespace WebhookKit.Shopify;

/// <summary>One line of a <see cref="ShopifyOrder"/>.</summary>
public sealed class ShopifyLineItem
{
    /// <summary>Gets the line item id.</summary>
    public long Id { get; init; }

    /// <summary>Gets the product id, when the product still exists.</summary>
    public long? ProductId { get; init; }

    /// <summary>Gets the product variant id, when the variant still exists.</summary>
    public long? VariantId { get; init; }

    /// <summary>Gets the product title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the variant's stock keeping unit.</summary>
    public string? Sku { get; init; }

    /// <summary>Gets the number of items.</summary>
    public int Quantity { get; init; }

    /// <summary>Gets the price of one item, before discounts.</summary>
    public decimal? Price { get; init; }
}
