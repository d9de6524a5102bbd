namespace WebhookKit.Idempotency;

/// <summary>
/// Remembers which deliveries were accepted, so that a provider's redelivery of the same event is
/// acknowledged without being handled twice. Keys are <c>{receiver}:{event id}</c>.
/// </summary>
/// <remarks>
/// A key is absent, in flight (claimed, under a lease) or completed (kept for the retention period).
/// Every operation that changes a claimed key names the claim's owner, so a stale owner whose lease
/// expired cannot complete or release a key that another delivery has claimed since.
/// Implementations must make <see cref="TryClaimAsync"/> atomic across every instance that shares the store.
/// </remarks>
public interface IIdempotencyStore
{
    /// <summary>Atomically claims <paramref name="key"/> for <paramref name="owner"/> if it is absent or expired.</summary>
    /// <param name="key">The idempotency key, <c>{receiver}:{event id}</c>.</param>
    /// <param name="owner">A value unique to this delivery (its <see cref="WebhookDelivery.DeliveryId"/>).</param>
    /// <param name="lease">How long the claim holds before the key becomes claimable again.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the key was claimed, or why not.</returns>
    ValueTask<IdempotencyClaimStatus> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed key as completed and keeps it for <paramref name="retention"/>.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="owner">The owner that claimed the key; a key claimed by another owner is left alone.</param>
    /// <param name="retention">How long redeliveries of the same event are recognised as duplicates.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is marked.</returns>
    ValueTask CompleteAsync(string key, string owner, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Releases a claim so that the next delivery of the same event is accepted again.</summary>
    /// <param name="key">The idempotency key.</param>
    /// <param name="owner">The owner that claimed the key; a key claimed by another owner is left alone.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is released.</returns>
    ValueTask ReleaseAsync(string key, string owner, CancellationToken cancellationToken);
}
