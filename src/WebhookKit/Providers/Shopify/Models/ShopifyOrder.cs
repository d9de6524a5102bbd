namespace WebhookKit.Shopify;

/// <summary>
/// The basics of a Shopify order, as the <c>orders/create</c>, <c>orders/updated</c>, <c>orders/paid</c>,
/// <c>orders/cancelled</c>, <c>orders/fulfilled</c> and <c>orders/partially_fulfilled</c> topics send it. Amounts are
/// decimals in <see cref="Currency"/> (Shopify sends them as strings).
/// </summary>
public sealed class ShopifyOrder
{
    /// <summary>Gets the order id.</summary>
    public long Id { get; init; }

    /// <summary>Gets the order's GraphQL Admin API id.</summary>
    public string? AdminGraphqlApiId { get; init; }

    /// <summary>Gets the order name shown to the merchant and customer, for example <c>#1001</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the order number within the shop, for example <c>1001</c>.</summary>
    public long OrderNumber { get; init; }

    /// <summary>Gets the customer's email address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the shop currency code of the amounts, for example <c>USD</c>.</summary>
    public string? Currency { get; init; }

    /// <summary>Gets the total price, including taxes, discounts and shipping.</summary>
    public decimal? TotalPrice { get; init; }

    /// <summary>Gets the price after discounts, before shipping and taxes.</summary>
    public decimal? SubtotalPrice { get; init; }

    /// <summary>Gets the total of taxes.</summary>
    public decimal? TotalTax { get; init; }

    /// <summary>Gets the total of discounts.</summary>
    public decimal? TotalDiscounts { get; init; }

    /// <summary>Gets the payment status, for example <c>paid</c> or <c>pending</c>.</summary>
    public string? FinancialStatus { get; init; }

    /// <summary>Gets the fulfillment status, for example <c>fulfilled</c>; <see langword="null"/> when nothing is fulfilled.</summary>
    public string? FulfillmentStatus { get; init; }

    /// <summary>Gets a value indicating whether this is a test order.</summary>
    public bool Test { get; init; }

    /// <summary>Gets when the order was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the order was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets when the order was cancelled, if it was.</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Gets the customer, when the order has one.</summary>
    public ShopifyCustomer? Customer { get; init; }

    /// <summary>Gets the order's line items.</summary>
    public IReadOnlyList<ShopifyLineItem>? LineItems { get; init; }
}
