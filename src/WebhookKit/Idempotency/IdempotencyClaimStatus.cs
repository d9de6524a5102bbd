namespace WebhookKit.Idempotency;

/// <summary>The outcome of <see cref="IIdempotencyStore.TryClaimAsync"/>.</summary>
/// <remarks>When several keys are held, the first key decides: <see cref="Duplicate"/>, <see cref="InFlight"/> or <see cref="Pending"/> by its state, <see cref="Replay"/> only when it is free.</remarks>
public enum IdempotencyClaimStatus
{
    /// <summary>The key was absent or expired and is now claimed by the caller.</summary>
    Claimed = 0,

    /// <summary>A delivery with the same key was already handled and is within its retention period.</summary>
    Duplicate = 1,

    /// <summary>
    /// A delivery with the same key is claimed and known to be queued (renewed by <see cref="IIdempotencyStore.RenewAsync"/>):
    /// it waits, is being handled or waits for a retry. The receive path answers 200: the first copy will be handled.
    /// </summary>
    InFlight = 2,

    /// <summary>
    /// The event's own key (the first) is free, but a later key of the delivery, its body digest
    /// (<see cref="WebhookDelivery.ReplayKey"/>), is held for another event: the same signed body arrived before under
    /// another, unsigned event id. Nothing was claimed; the receive path answers 200 and queues nothing.
    /// </summary>
    Replay = 3,

    /// <summary>
    /// A delivery with the same key has claimed it but is not yet known to be queued (its enqueue may still fail, and
    /// its claim then be released). The receive path answers 503 with <c>Retry-After</c>, never 200: the provider's
    /// retry is answered by the first copy's outcome.
    /// </summary>
    Pending = 4,
}
