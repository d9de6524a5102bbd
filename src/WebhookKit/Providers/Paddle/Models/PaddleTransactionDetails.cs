namespace WebhookKit.Paddle;

/// <summary>The calculated details of a <see cref="PaddleTransaction"/>.</summary>
public sealed class PaddleTransactionDetails
{
    /// <summary>Gets or sets the totals, in the transaction's currency.</summary>
    public PaddleTotals? Totals { get; set; }
}
