namespace WebhookKit.Paddle;

/// <summary>The basics of a Paddle Billing price, as subscription and transaction items carry it.</summary>
public sealed class PaddlePrice
{
    /// <summary>Gets or sets the price id, for example <c>pri_01gsz8x8sawmvhz1pv30nge1ke</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the product id, for example <c>pro_01gsz4t5hdjse780zja8vvr7jg</c>.</summary>
    public string? ProductId { get; set; }

    /// <summary>Gets or sets the internal description of the price.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the name shown to customers, when set.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the price of one unit.</summary>
    public PaddleMoney? UnitPrice { get; set; }
}
