namespace WebhookKit.Dispatch;

/// <summary>A delivery whose handlers failed on every attempt.</summary>
public sealed class WebhookDeadLetter
{
    /// <summary>Initializes a new dead letter.</summary>
    /// <param name="delivery">The failed delivery.</param>
    /// <param name="failedAt">When the last attempt failed.</param>
    /// <param name="attempts">How many attempts were made.</param>
    /// <param name="reason">A short description of the failure: the handler and exception type.</param>
    public WebhookDeadLetter(WebhookDelivery delivery, DateTimeOffset failedAt, int attempts, string reason)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentException.ThrowIfNullOrEmpty(reason);
        Delivery = delivery;
        FailedAt = failedAt;
        Attempts = attempts;
        Reason = reason;
    }

    /// <summary>Gets the failed delivery.</summary>
    public WebhookDelivery Delivery { get; }

    /// <summary>Gets the delivery id, the dead letter's key.</summary>
    public string DeliveryId => Delivery.DeliveryId;

    /// <summary>Gets when the last attempt failed.</summary>
    public DateTimeOffset FailedAt { get; }

    /// <summary>Gets how many handler attempts were made; 0 when the payload did not deserialize, so no handler ran.</summary>
    public int Attempts { get; }

    /// <summary>Gets a short description of the failure: the handler and exception type.</summary>
    public string Reason { get; }
}
