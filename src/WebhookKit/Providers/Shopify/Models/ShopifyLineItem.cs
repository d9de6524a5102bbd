namespace WebhookKit.Shopify;

/// <summary>One line of a <see cref="ShopifyOrder"/>.</summary>
public sealed class ShopifyLineItem
{
    /// <summary>Gets or sets the line item id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the product id, when the product still exists.</summary>
    public long? ProductId { get; set; }

    /// <summary>Gets or sets the product variant id, when the variant still exists.</summary>
    public long? VariantId { get; set; }

    /// <summary>Gets or sets the product title.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the variant's stock keeping unit.</summary>
    public string? Sku { get; set; }

    /// <summary>Gets or sets the number of items.</summary>
    public int Quantity { get; set; }

    /// <summary>Gets or sets the price of one item, before discounts.</summary>
    public decimal? Price { get; set; }
}
