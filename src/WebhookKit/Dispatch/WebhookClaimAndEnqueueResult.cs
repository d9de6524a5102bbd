namespace WebhookKit.Dispatch;

/// <summary>The outcome of <see cref="IClaimingWebhookQueue.TryClaimAndEnqueueAsync"/>.</summary>
public enum WebhookClaimAndEnqueueResult
{
    /// <summary>The key is claimed and the delivery is queued.</summary>
    Enqueued = 0,

    /// <summary>A delivery of the same event was already handled (within its retention period); nothing was queued.</summary>
    Duplicate = 1,

    /// <summary>A delivery of the same event is claimed and not yet handled; nothing was queued.</summary>
    InFlight = 2,

    /// <summary>The queue is at its count or byte limit; nothing was claimed or queued.</summary>
    Full = 3,

    /// <summary>The queue no longer accepts deliveries because the application is stopping; nothing was claimed or queued.</summary>
    Closed = 4,

    /// <summary>
    /// The event's id is new, but the same signed body was accepted before under another, unsigned id
    /// (<see cref="WebhookDelivery.ReplayKey"/> is held; see <see cref="Idempotency.IdempotencyClaimStatus.Replay"/>); nothing was queued.
    /// </summary>
    Replay = 5,
}
