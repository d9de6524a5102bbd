using WebhookKit.Dispatch;

namespace WebhookKit.Testing;

/// <summary>A delivery whose background handling has finished: handled, or dead-lettered.</summary>
public sealed class TrackedDelivery
{
    internal TrackedDelivery(WebhookDelivery delivery, WebhookDeadLetter? deadLetter)
    {
        Delivery = delivery;
        DeadLetter = deadLetter;
    }

    /// <summary>Gets the delivery.</summary>
    public WebhookDelivery Delivery { get; }

    /// <summary>Gets the dead letter when every attempt failed, otherwise <see langword="null"/>.</summary>
    public WebhookDeadLetter? DeadLetter { get; }

    /// <summary>Gets a value indicating whether every handler succeeded.</summary>
    public bool Handled => DeadLetter is null;
}
