using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebhookKit.Dispatch;

/// <summary>
/// What an <see cref="IWebhookQueue"/> can do beyond its interface (<see cref="IWebhookQueue.Capabilities"/>), read once
/// when the receive path and the health check are built (docs/architecture.md, "Extension points").
/// </summary>
/// <remarks>
/// A queue that wraps another (to count, trace or track deliveries) returns its inner queue's capabilities, so that
/// wrapping a queue never changes the path a delivery takes (with <c>with</c>, wrapping those it must see, such as
/// <see cref="CompleteAndAcknowledge"/> to learn when a delivery finishes); capabilities are never discovered by type checks.
/// </remarks>
public sealed record WebhookQueueCapabilities
{
    /// <summary>Gets the capabilities of a queue that has none beyond <see cref="IWebhookQueue"/>.</summary>
    public static WebhookQueueCapabilities None { get; } = new();

    /// <summary>
    /// Gets the queue's atomic claim-and-enqueue: when set, the receive path claims a delivery's idempotency keys and
    /// enqueues it in this one step, instead of claiming in the <c>IIdempotencyStore</c> and then enqueueing.
    /// </summary>
    /// <value>The default is <see langword="null"/>: claim, then enqueue.</value>
    public IClaimingWebhookQueue? ClaimAndEnqueue { get; init; }

    /// <summary>
    /// Gets the queue's way of finishing a delivery whose claims it keeps: when set, the dispatcher completes a handled
    /// delivery's claims and acknowledges it in this one step, and leaves one whose dead letter could not be stored for a
    /// takeover, instead of calling the <c>IIdempotencyStore</c> and <see cref="IWebhookQueue.AcknowledgeAsync"/>.
    /// </summary>
    /// <value>The default is <see langword="null"/>: complete in the store, then acknowledge.</value>
    public ICompletingWebhookQueue? CompleteAndAcknowledge { get; init; }

    /// <summary>Gets the health check of the queue's backend, which the webhooks health check includes.</summary>
    /// <value>The default is <see langword="null"/>: only the queue's fill is reported.</value>
    public IHealthCheck? HealthCheck { get; init; }

    /// <summary>
    /// Gets whether the queue takes a delivery whose body lives in the request's pooled buffer and returns that buffer
    /// to the pool when the delivery is acknowledged, so the receive path need not copy the body (the built-in
    /// in-memory queue).
    /// </summary>
    internal bool ReturnsPooledBuffers { get; init; }
}
