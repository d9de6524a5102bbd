namespace WebhookKit.Razorpay;

/// <summary>The basics of a Razorpay order entity, as <c>order.paid</c> sends it. Amounts are in the currency's smallest unit.</summary>
public sealed class RazorpayOrder
{
    /// <summary>Gets or sets the order id, for example <c>order_DESlLckIVRkHWj</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the order amount.</summary>
    public long Amount { get; set; }

    /// <summary>Gets or sets the amount paid so far.</summary>
    public long AmountPaid { get; set; }

    /// <summary>Gets or sets the amount still due.</summary>
    public long AmountDue { get; set; }

    /// <summary>Gets or sets the currency code, for example <c>INR</c>.</summary>
    public string? Currency { get; set; }

    /// <summary>Gets or sets the merchant's receipt number for the order.</summary>
    public string? Receipt { get; set; }

    /// <summary>Gets or sets the status, for example <c>paid</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the number of payment attempts.</summary>
    public int Attempts { get; set; }

    /// <summary>Gets or sets when the order was created, in Unix seconds.</summary>
    public long CreatedAt { get; set; }
}
