using WebhookKit.Idempotency;

namespace WebhookKit.Dispatch;

/// <summary>
/// The atomic claim-and-enqueue of an <see cref="IWebhookQueue"/> that can claim a delivery's idempotency keys and
/// enqueue the delivery in one operation, for example a durable queue whose store also holds the claims. A queue
/// offers it through <see cref="WebhookQueueCapabilities.ClaimAndEnqueue"/>.
/// </summary>
/// <remarks>
/// When the registered queue offers it, the receive path calls
/// <see cref="TryClaimAndEnqueueAsync"/> instead of <see cref="IIdempotencyStore.TryClaimAsync"/> followed by
/// <see cref="IWebhookQueue.TryEnqueueAsync"/>: a delivery is then either claimed and queued, or neither, so
/// there is never a claim to release. The claim must live where the registered <see cref="IIdempotencyStore"/>
/// completes and releases it, under the same key and owner.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue; the name matches IWebhookQueue.")]
public interface IClaimingWebhookQueue
{
    /// <summary>
    /// Atomically claims <see cref="WebhookDelivery.IdempotencyKey"/> for <see cref="WebhookDelivery.DeliveryId"/>
    /// (under <paramref name="lease"/>) and enqueues <paramref name="delivery"/>, unless the key is already
    /// claimed or completed, or the queue is full or closed. Throws when the outcome is unknown (for example the
    /// store is unreachable); the caller then answers 503.
    /// </summary>
    /// <param name="delivery">
    /// The accepted delivery. Its <see cref="WebhookDelivery.Body"/> and <see cref="WebhookDelivery.Payload"/> may
    /// live in the request's pooled buffer: they are valid until the returned task completes, so an implementation
    /// that keeps the delivery beyond that (rather than writing it to its store) must copy them. When the call
    /// throws, the buffer is never reused, since a write may still be in progress.
    /// </param>
    /// <param name="lease">How long the claim holds before the key becomes claimable again.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the delivery was claimed and queued, or why neither happened.</returns>
    ValueTask<WebhookClaimAndEnqueueResult> TryClaimAndEnqueueAsync(WebhookDelivery delivery, TimeSpan lease, CancellationToken cancellationToken);
}
