namespace WebhookKit.Paddle;

/// <summary>The totals of a Paddle Billing transaction, in the lowest denomination of <see cref="CurrencyCode"/> (Paddle sends them as strings).</summary>
public sealed class PaddleTotals
{
    /// <summary>Gets or sets the total before discounts and tax.</summary>
    public long Subtotal { get; set; }

    /// <summary>Gets or sets the total discount.</summary>
    public long Discount { get; set; }

    /// <summary>Gets or sets the total tax.</summary>
    public long Tax { get; set; }

    /// <summary>Gets or sets the total after discounts and tax.</summary>
    public long Total { get; set; }

    /// <summary>Gets or sets the total after credits: what the customer is charged.</summary>
    public long GrandTotal { get; set; }

    /// <summary>Gets or sets Paddle's fee, once known.</summary>
    public long? Fee { get; set; }

    /// <summary>Gets or sets your earnings after Paddle's fee, once known.</summary>
    public long? Earnings { get; set; }

    /// <summary>Gets or sets the currency code, for example <c>USD</c>.</summary>
    public string? CurrencyCode { get; set; }
}
