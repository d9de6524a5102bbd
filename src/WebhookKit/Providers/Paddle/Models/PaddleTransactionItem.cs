namespace WebhookKit.Paddle;

/// <summary>One item of a <see cref="PaddleTransaction"/>.</summary>
public sealed class PaddleTransactionItem
{
    /// <summary>Gets or sets the price.</summary>
    public PaddlePrice? Price { get; set; }

    /// <summary>Gets or sets the quantity.</summary>
    public int Quantity { get; set; }
}
