namespace WebhookKit.Paddle;

/// <summary>An amount of money as Paddle sends it: the lowest denomination of <see cref="CurrencyCode"/> (cents for USD), sent as a string.</summary>
public sealed class PaddleMoney
{
    /// <summary>Gets or sets the amount in the currency's lowest denomination.</summary>
    public long Amount { get; set; }

    /// <summary>Gets or sets the currency code, for example <c>USD</c>.</summary>
    public string? CurrencyCode { get; set; }
}
