using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebhookKit.Idempotency;

/// <summary>
/// Remembers which deliveries were accepted, so that a provider's redelivery of the same event is
/// acknowledged without being handled twice.
/// </summary>
/// <remarks>
/// <para>
/// A delivery holds one or two keys. The first is the event's own, <c>{receiver}:{event id}</c>. When the provider does
/// not sign the event id, a content key follows: a digest of the receiver, event type and raw body
/// (<see cref="WebhookDelivery.ReplayKey"/>), so that a captured body relabelled with a new id is recognised. The keys of
/// one delivery are claimed together, all or none.
/// </para>
/// <para>
/// A content key belongs to the event (the first key it was claimed with), not to a delivery: a delivery of the same
/// event may claim it again (the provider's redelivery after a dead letter), a delivery of another event may not
/// (<see cref="IdempotencyClaimStatus.Replay"/>). It is completed with the event's key, but never released: after a
/// dead letter it stays until its lease or retention runs out, so that relabelled replays of a dead-lettered body
/// cannot run its handlers again meanwhile.
/// </para>
/// <para>
/// A key is absent, pending (claimed, its delivery not yet queued), in flight (queued, being handled or waiting for a
/// retry) or completed (kept for the retention period). Pending and in flight are held under a lease, which the owner
/// renews (<see cref="RenewAsync"/>) while its delivery lives, so that a claim expires only when its owner is gone.
/// Every operation that changes a claimed key names the claim's owner, so a stale owner whose lease
/// expired cannot complete or release a key that another delivery has claimed since.
/// Implementations must make <see cref="TryClaimAsync"/> atomic across every instance that shares the store.
/// Single-key overloads are in <see cref="IdempotencyStoreExtensions"/>.
/// </para>
/// </remarks>
public interface IIdempotencyStore
{
    /// <summary>
    /// Gets the store's own health check, for a store whose backend can say more than a probe (a Redis that may evict
    /// keys reports Degraded), or <see langword="null"/> (the default): the webhook health check then probes the store
    /// with a real claim and release of a unique key.
    /// </summary>
    IHealthCheck? HealthCheck => null;

    /// <summary>
    /// Atomically claims every key of <paramref name="keys"/> for <paramref name="owner"/> if the first is absent or
    /// expired and every later one is absent, expired or held for the same first key; otherwise claims none of them.
    /// </summary>
    /// <param name="keys">The delivery's idempotency keys (<see cref="WebhookDelivery.IdempotencyKeys"/>): one or more.</param>
    /// <param name="owner">A value unique to this delivery (its <see cref="WebhookDelivery.DeliveryId"/>).</param>
    /// <param name="lease">How long the claim holds before the keys become claimable again.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see cref="IdempotencyClaimStatus.Claimed"/> when every key was claimed; otherwise, by the first key,
    /// <see cref="IdempotencyClaimStatus.Duplicate"/> (completed), <see cref="IdempotencyClaimStatus.InFlight"/> (renewed) or
    /// <see cref="IdempotencyClaimStatus.Pending"/> (claimed, not yet renewed); and when
    /// the first key is free but a later one is held for another event, <see cref="IdempotencyClaimStatus.Replay"/>.
    /// </returns>
    ValueTask<IdempotencyClaimStatus> TryClaimAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the owner's claim as queued (in flight) and extends its lease, and the lease of the event's content keys:
    /// called once the delivery is queued, and then every third of the lease while it waits, is handled or waits for a
    /// retry. Until the first renewal other deliveries of the event see <see cref="IdempotencyClaimStatus.Pending"/>.
    /// </summary>
    /// <param name="keys">The keys claimed together by <see cref="TryClaimAsync"/>.</param>
    /// <param name="owner">The owner that claimed the keys.</param>
    /// <param name="lease">The lease from now on.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>
    /// <see langword="true"/> when the owner still held the event's key (pending or in flight); <see langword="false"/> when
    /// it did not (it was completed or released, or its lease ran out): an absent key is not taken again.
    /// </returns>
    ValueTask<bool> RenewAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks claimed keys as completed and keeps them for <paramref name="retention"/>.</summary>
    /// <param name="keys">The keys claimed together by <see cref="TryClaimAsync"/>.</param>
    /// <param name="owner">The owner that claimed the keys; a key claimed by another owner is left alone.</param>
    /// <param name="retention">How long redeliveries of the same event are recognised as duplicates.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the keys are marked.</returns>
    ValueTask CompleteAsync(IReadOnlyList<string> keys, string owner, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Releases the event's key (the first) so that the next delivery of the same event is accepted again; later (content) keys stay.</summary>
    /// <param name="keys">The keys claimed together by <see cref="TryClaimAsync"/>.</param>
    /// <param name="owner">The owner that claimed the keys; a key claimed by another owner is left alone.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the keys are released.</returns>
    ValueTask ReleaseAsync(IReadOnlyList<string> keys, string owner, CancellationToken cancellationToken);
}
