using WebhookKit.Idempotency;

namespace WebhookKit.Dispatch;

/// <summary>
/// The outcome of <see cref="IClaimingWebhookQueue.TryClaimAndEnqueueAsync"/>: what the claim found, and, when the keys
/// were free, whether the delivery was queued. The same two parts as the receive path's claim in the
/// <see cref="IIdempotencyStore"/> followed by <see cref="IWebhookQueue.TryEnqueueAsync"/>, so both paths end the same way.
/// </summary>
public readonly record struct WebhookClaimAndEnqueueResult
{
    /// <summary>Initializes a result.</summary>
    /// <param name="claim">What the claim found: <see cref="IdempotencyClaimStatus.Claimed"/> when the keys were free.</param>
    /// <param name="enqueue">Whether the delivery was queued; only for free keys (ignored otherwise).</param>
    public WebhookClaimAndEnqueueResult(IdempotencyClaimStatus claim, WebhookEnqueueResult enqueue = WebhookEnqueueResult.Enqueued)
    {
        Claim = claim;
        Enqueue = claim == IdempotencyClaimStatus.Claimed ? enqueue : null;
    }

    /// <summary>Gets the keys were free, and the delivery is claimed and queued.</summary>
    public static WebhookClaimAndEnqueueResult Enqueued { get; } = new(IdempotencyClaimStatus.Claimed);

    /// <summary>Gets a delivery of the same event was already handled (within its retention period); nothing was queued.</summary>
    public static WebhookClaimAndEnqueueResult Duplicate { get; } = new(IdempotencyClaimStatus.Duplicate);

    /// <summary>Gets a delivery of the same event is claimed and queued, not yet handled; nothing was queued.</summary>
    public static WebhookClaimAndEnqueueResult InFlight { get; } = new(IdempotencyClaimStatus.InFlight);

    /// <summary>
    /// Gets the event's id is new, but the same signed body was accepted before under another, unsigned id
    /// (<see cref="WebhookDelivery.ReplayKey"/> is held; see <see cref="IdempotencyClaimStatus.Replay"/>); nothing was queued.
    /// </summary>
    public static WebhookClaimAndEnqueueResult Replay { get; } = new(IdempotencyClaimStatus.Replay);

    /// <summary>Gets the keys were free but the queue is at its count or byte limit; nothing was claimed or queued.</summary>
    public static WebhookClaimAndEnqueueResult Full { get; } = new(IdempotencyClaimStatus.Claimed, WebhookEnqueueResult.Full);

    /// <summary>Gets the keys were free but the queue no longer accepts deliveries (the application is stopping); nothing was claimed or queued.</summary>
    public static WebhookClaimAndEnqueueResult Closed { get; } = new(IdempotencyClaimStatus.Claimed, WebhookEnqueueResult.Closed);

    /// <summary>Gets what the claim found: <see cref="IdempotencyClaimStatus.Claimed"/> when the keys were free.</summary>
    public IdempotencyClaimStatus Claim { get; }

    /// <summary>Gets whether the delivery was queued when the keys were free; <see langword="null"/> when they were held.</summary>
    public WebhookEnqueueResult? Enqueue { get; }

    /// <summary>Gets whether the delivery is claimed and queued.</summary>
    public bool IsEnqueued => Enqueue == WebhookEnqueueResult.Enqueued;

    /// <inheritdoc/>
    public override string ToString() => Enqueue is { } enqueue ? enqueue.ToString() : Claim.ToString();
}
