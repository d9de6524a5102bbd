namespace WebhookKit.Paddle;

/// <summary>One item of a <see cref="PaddleSubscription"/>.</summary>
public sealed class PaddleSubscriptionItem
{
    /// <summary>Gets or sets the item's status, for example <c>active</c> or <c>trialing</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the quantity.</summary>
    public int Quantity { get; set; }

    /// <summary>Gets or sets a value indicating whether the item is billed again each cycle.</summary>
    public bool Recurring { get; set; }

    /// <summary>Gets or sets the price.</summary>
    public PaddlePrice? Price { get; set; }

    /// <summary>Gets or sets when the item is next billed.</summary>
    public DateTimeOffset? NextBilledAt { get; set; }
}
