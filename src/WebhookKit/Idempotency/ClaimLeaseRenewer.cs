using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookKit.Dispatch;
using WebhookKit.Internal;

namespace WebhookKit.Idempotency;

/// <summary>
/// Keeps the claims of the deliveries this process queued in a queue that does not claim (the in-memory queue, or a
/// custom one) alive while they live: every third of <see cref="WebhookOptions.LeaseDuration"/> it renews each claim
/// (<see cref="IIdempotencyStore.RenewAsync"/>) until the dispatcher finishes the delivery, so that a claim expires only
/// when its owner, this process, is gone, and a redelivery never runs beside a slow handler or a retry's wait
/// (docs/architecture.md, "Leases"). A durable, claiming queue renews its own claims with its entries.
/// </summary>
/// <remarks>
/// The renewer holds the deliveries themselves, keyed by their ids, not an object of its own for each: a delivery that
/// waits in a burst outlives collections, and every object it brings along is copied with it.
/// <see cref="EnqueueHeldAsync"/> is the hand-off, for the receive path and dead-letter replays alike: <see cref="Hold"/>
/// before the enqueue (so that a worker that finishes at once can <see cref="Forget"/> it), <see cref="MarkQueued"/> after
/// it (the first renewal: from then on duplicates are in flight, answered 200, not pending), or <see cref="Forget"/> when
/// the enqueue failed. Renewals never take an absent claim again, so a renewal that races the dispatcher's release
/// cannot bring a released claim back.
/// </remarks>
internal sealed class ClaimLeaseRenewer : IDisposable
{
    // Renewals in flight at once against a remote store; the in-memory store answers each synchronously.
    private const int MaxConcurrentRenewals = 64;

    private readonly ConcurrentDictionary<string, WebhookDelivery> _held = new(StringComparer.Ordinal);
    private readonly IIdempotencyStore _store;
    private readonly TimeSpan _lease;
    private readonly ILogger<ClaimLeaseRenewer> _logger;
    private readonly ITimer _timer;
    private int _renewing;

    public ClaimLeaseRenewer(IIdempotencyStore store, TimeProvider timeProvider, IOptions<WebhookOptions> options, ILogger<ClaimLeaseRenewer> logger)
    {
        _store = store;
        _lease = options.Value.LeaseDuration;
        _logger = logger;
        var interval = _lease / 3;
        _timer = timeProvider.CreateTimer(static state => _ = ((ClaimLeaseRenewer)state!).RenewAllAsync(), this, interval, interval);
    }

    /// <summary>Gets the number of claims held; for tests.</summary>
    internal int Count => _held.Count;

    /// <summary>
    /// Enqueues a delivery whose claim was just taken, holding the claim around the enqueue. When the enqueue fails (or
    /// throws) the claim is no longer held and the caller releases it.
    /// </summary>
    public async ValueTask<WebhookEnqueueResult> EnqueueHeldAsync(IWebhookQueue queue, WebhookDelivery delivery)
    {
        var owner = delivery.DeliveryId;
        Hold(delivery);
        WebhookEnqueueResult enqueued;
        try
        {
            // Not cancelled by the client going away: a claim followed by no enqueue would lose the event.
            enqueued = await queue.TryEnqueueAsync(delivery, CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            Forget(owner);
            throw;
        }

        if (enqueued == WebhookEnqueueResult.Enqueued)
        {
            MarkQueued(owner);
        }
        else
        {
            Forget(owner);
        }

        return enqueued;
    }

    /// <summary>
    /// Starts holding the claim of a delivery just claimed (its <see cref="WebhookDelivery.DeliveryId"/> owns it), before
    /// it is enqueued; it is renewed only once queued.
    /// </summary>
    public void Hold(WebhookDelivery delivery) => _held[delivery.DeliveryId] = delivery;

    /// <summary>
    /// Marks a held claim queued and starts its first renewal, which makes it in flight in the store. A store that answers
    /// at once (in memory) has done it on return; a remote one finishes in the background, since the 200 need not wait for
    /// it: a duplicate meanwhile gets 503, which is safe. A failure is logged, and retried by the rounds.
    /// </summary>
    public void MarkQueued(string owner)
    {
        if (!_held.TryGetValue(owner, out var claim))
        {
            return; // Finished already.
        }

        claim.LeaseRenewed = true;
        ValueTask renewal;
        try
        {
            renewal = RenewAsync(claim);
        }
        catch (Exception exception)
        {
            Log.LeaseRenewalFailed(_logger, 1, exception);
            return;
        }

        if (renewal.IsCompletedSuccessfully)
        {
            renewal.GetAwaiter().GetResult();
        }
        else
        {
            _ = ObserveFirstRenewalAsync(renewal);
        }
    }

    /// <summary>Stops renewing a claim: its delivery was finished, or never queued.</summary>
    public void Forget(string owner) => _held.TryRemove(owner, out _);

    public void Dispose() => _timer.Dispose();

    /// <summary>One round: renews every queued claim; rounds do not overlap.</summary>
    internal async Task RenewAllAsync()
    {
        if (_held.IsEmpty || Interlocked.Exchange(ref _renewing, 1) == 1)
        {
            return;
        }

        var failures = 0;
        Exception? lastFailure = null;
        try
        {
            var running = new List<Task>(MaxConcurrentRenewals);
            foreach (var (_, claim) in _held)
            {
                if (!claim.LeaseRenewed)
                {
                    continue;
                }

                var renewal = RenewAsync(claim);
                if (!renewal.IsCompletedSuccessfully)
                {
                    running.Add(renewal.AsTask());
                }

                if (running.Count == MaxConcurrentRenewals)
                {
                    (failures, lastFailure) = await AwaitAllAsync(running, failures, lastFailure).ConfigureAwait(false);
                }
            }

            (failures, lastFailure) = await AwaitAllAsync(running, failures, lastFailure).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failures++;
            lastFailure = exception;
        }
        finally
        {
            Volatile.Write(ref _renewing, 0);
        }

        if (failures > 0)
        {
            // One line per round, not per delivery: an outage of the store would otherwise log every claim held.
            Log.LeaseRenewalFailed(_logger, failures, lastFailure!);
        }
    }

    private static async Task<(int Failures, Exception? Last)> AwaitAllAsync(List<Task> running, int failures, Exception? last)
    {
        foreach (var task in running)
        {
            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                failures++;
                last = exception;
            }
        }

        running.Clear();
        return (failures, last);
    }

    private async Task ObserveFirstRenewalAsync(ValueTask renewal)
    {
        try
        {
            await renewal.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.LeaseRenewalFailed(_logger, 1, exception);
        }
    }

    private async ValueTask RenewAsync(WebhookDelivery claim)
    {
        var held = await _store.RenewAsync(claim.KeyList, claim.DeliveryId, _lease, CancellationToken.None).ConfigureAwait(false);
        if (!held && _held.TryRemove(new KeyValuePair<string, WebhookDelivery>(claim.DeliveryId, claim)))
        {
            // Still ours to renew, yet gone from the store: its lease ran out (a pause longer than the lease, or a store
            // that lost it), and a redelivery may be handled beside this one.
            Log.LeaseLost(_logger, claim.ReceiverName, claim.EventId, claim.DeliveryId);
        }
    }
}
