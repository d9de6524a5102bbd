namespace WebhookKit.Shopify;

/// <summary>
/// The basics of a Shopify order, as the <c>orders/create</c>, <c>orders/updated</c>, <c>orders/paid</c>,
/// <c>orders/cancelled</c>, <c>orders/fulfilled</c> and <c>orders/partially_fulfilled</c> topics send it. Amounts are
/// decimals in <see cref="Currency"/> (Shopify sends them as strings).
/// </summary>
public sealed class ShopifyOrder
{
    /// <summary>Gets or sets the order id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the order's GraphQL Admin API id.</summary>
    public string? AdminGraphqlApiId { get; set; }

    /// <summary>Gets or sets the order name shown to the merchant and customer, for example <c>#1001</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the order number within the shop, for example <c>1001</c>.</summary>
    public long OrderNumber { get; set; }

    /// <summary>Gets or sets the customer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>Gets or sets the shop currency code of the amounts, for example <c>USD</c>.</summary>
    public string? Currency { get; set; }

    /// <summary>Gets or sets the total price, including taxes, discounts and shipping.</summary>
    public decimal? TotalPrice { get; set; }

    /// <summary>Gets or sets the price after discounts, before shipping and taxes.</summary>
    public decimal? SubtotalPrice { get; set; }

    /// <summary>Gets or sets the total of taxes.</summary>
    public decimal? TotalTax { get; set; }

    /// <summary>Gets or sets the total of discounts.</summary>
    public decimal? TotalDiscounts { get; set; }

    /// <summary>Gets or sets the payment status, for example <c>paid</c> or <c>pending</c>.</summary>
    public string? FinancialStatus { get; set; }

    /// <summary>Gets or sets the fulfillment status, for example <c>fulfilled</c>; <see langword="null"/> when nothing is fulfilled.</summary>
    public string? FulfillmentStatus { get; set; }

    /// <summary>Gets or sets a value indicating whether this is a test order.</summary>
    public bool Test { get; set; }

    /// <summary>Gets or sets when the order was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the order was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Gets or sets when the order was cancelled, if it was.</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>Gets or sets the customer, when the order has one.</summary>
    public ShopifyCustomer? Customer { get; set; }

    /// <summary>Gets or sets the order's line items.</summary>
    public IReadOnlyList<ShopifyLineItem>? LineItems { get; set; }
}
