using System.Text;
using Microsoft.Extensions.Caching.Distributed;
namespace WebhookKit.Idempotency;

/// <summary>
/// A best-effort <see cref="IIdempotencyStore"/> over any <see cref="IDistributedCache"/>, for apps whose only
/// shared store is a distributed cache. <see cref="IDistributedCache"/> has no atomic add: a claim is a read, a
/// write and a read back, so two instances receiving the same event at the same moment can both claim it and the
/// handler runs twice. It still removes the common duplicates (provider redeliveries seconds or days apart).
/// The keys of one delivery (its event id's and its body digest's) are not claimed atomically either: all are read
/// first, written only when they may be claimed (the rules of <see cref="IIdempotencyStore"/>: the event's key decides,
/// a content key held for another event is a replay), and read back; when the event's key reads back another owner's
/// value, it is deleted again (rolled back) and the claim answers in flight. Two racing claims can so both back off
/// (the provider's retry is then accepted), or both win.
/// </summary>
internal sealed class DistributedCacheIdempotencyStore(IDistributedCache cache) : IIdempotencyStore
{
    private const string KeyPrefix = "webhookkit:claim:";
    private const string DonePrefix = "done:";
    private const string EventPrefix = "e:";
    private const string PendingPrefix = "p:";

    /// <summary>What the startup report prints: the cache's implementation by name.</summary>
    public override string ToString() => $"IDistributedCache ({cache.GetType().Name}; claims are read, then written)";

    public async ValueTask<IdempotencyClaimStatus> TryClaimAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var first = await cache.GetAsync(KeyPrefix + keys[0], cancellationToken).ConfigureAwait(false);
        if (first is not null)
        {
            return Status(first);
        }

        var eventValue = Encoding.UTF8.GetBytes(EventPrefix + keys[0]);
        for (var i = 1; i < keys.Count; i++)
        {
            var held = await cache.GetAsync(KeyPrefix + keys[i], cancellationToken).ConfigureAwait(false);
            if (held is not null && !held.AsSpan().SequenceEqual(eventValue))
            {
                return IdempotencyClaimStatus.Replay;
            }
        }

        var value = Encoding.UTF8.GetBytes(PendingPrefix + owner);
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lease };
        await cache.SetAsync(KeyPrefix + keys[0], value, options, cancellationToken).ConfigureAwait(false);
        for (var i = 1; i < keys.Count; i++)
        {
            await cache.SetAsync(KeyPrefix + keys[i], eventValue, options, cancellationToken).ConfigureAwait(false);
        }

        // Narrows (does not close) the race: of two writers, the one that reads back the other's value backs off.
        var after = await cache.GetAsync(KeyPrefix + keys[0], cancellationToken).ConfigureAwait(false);
        if (after is null || !after.AsSpan().SequenceEqual(value))
        {
            return after is null ? IdempotencyClaimStatus.InFlight : Status(after);
        }

        return IdempotencyClaimStatus.Claimed;
    }

    public async ValueTask CompleteAsync(IReadOnlyList<string> keys, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = retention };
        var existing = await cache.GetAsync(KeyPrefix + keys[0], cancellationToken).ConfigureAwait(false);
        if (existing is null || IsHeldBy(existing, owner))
        {
            await cache.SetAsync(KeyPrefix + keys[0], Encoding.UTF8.GetBytes(DonePrefix + owner), options, cancellationToken).ConfigureAwait(false);
        }

        var eventValue = Encoding.UTF8.GetBytes(EventPrefix + keys[0]);
        for (var i = 1; i < keys.Count; i++)
        {
            var held = await cache.GetAsync(KeyPrefix + keys[i], cancellationToken).ConfigureAwait(false);
            if (held is null || held.AsSpan().SequenceEqual(eventValue))
            {
                await cache.SetAsync(KeyPrefix + keys[i], eventValue, options, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask ReleaseAsync(IReadOnlyList<string> keys, string owner, CancellationToken cancellationToken)
    {
        // Only the event's key: content keys stay with their event until they expire (see IIdempotencyStore).
        ArgumentNullException.ThrowIfNull(keys);
        var cacheKey = KeyPrefix + keys[0];
        var existing = await cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null && IsHeldBy(existing, owner))
        {
            await cache.RemoveAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<bool> RenewAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        // Read, then write: a claim that changed hands in between is overwritten, as the class remarks allow.
        ArgumentNullException.ThrowIfNull(keys);
        var existing = await cache.GetAsync(KeyPrefix + keys[0], cancellationToken).ConfigureAwait(false);
        if (existing is null || !IsHeldBy(existing, owner))
        {
            return false;
        }

        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lease };
        await cache.SetAsync(KeyPrefix + keys[0], Encoding.UTF8.GetBytes(owner), options, cancellationToken).ConfigureAwait(false);
        var eventValue = Encoding.UTF8.GetBytes(EventPrefix + keys[0]);
        for (var i = 1; i < keys.Count; i++)
        {
            // While the event's key is in flight its content keys hold a lease, never a completion's retention: the
            // lease from now does not shorten anything.
            var held = await cache.GetAsync(KeyPrefix + keys[i], cancellationToken).ConfigureAwait(false);
            if (held is not null && held.AsSpan().SequenceEqual(eventValue))
            {
                await cache.SetAsync(KeyPrefix + keys[i], eventValue, options, cancellationToken).ConfigureAwait(false);
            }
        }

        return true;
    }

    private static IdempotencyClaimStatus Status(byte[] value) =>
        IsDone(value) ? IdempotencyClaimStatus.Duplicate
        : value.AsSpan().StartsWith(Encoding.UTF8.GetBytes(PendingPrefix)) ? IdempotencyClaimStatus.Pending
        : IdempotencyClaimStatus.InFlight;

    private static bool IsHeldBy(byte[] value, string owner)
    {
        var text = Encoding.UTF8.GetString(value);
        return text == owner || text == PendingPrefix + owner;
    }

    private static bool IsDone(byte[] value) => value.AsSpan().StartsWith(Encoding.UTF8.GetBytes(DonePrefix));
}
