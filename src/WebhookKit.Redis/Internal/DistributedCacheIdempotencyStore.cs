using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using WebhookKit.Idempotency;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// A best-effort <see cref="IIdempotencyStore"/> over any <see cref="IDistributedCache"/>, for apps whose only
/// shared store is a distributed cache. <see cref="IDistributedCache"/> has no atomic add: a claim is a read, a
/// write and a read back, so two instances receiving the same event at the same moment can both claim it and the
/// handler runs twice. It still removes the common duplicates (provider redeliveries seconds or days apart).
/// </summary>
internal sealed class DistributedCacheIdempotencyStore(IDistributedCache cache) : IIdempotencyStore
{
    // Interim: the keys of one delivery in turn, releasing those claimed when a later one is taken (not yet one atomic step).
    public async ValueTask<IdempotencyClaimStatus> TryClaimAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var status = await TryClaimOneAsync(keys[i], owner, lease, cancellationToken).ConfigureAwait(false);
            if (status != IdempotencyClaimStatus.Claimed)
            {
                for (var j = 0; j < i; j++)
                {
                    await ReleaseOneAsync(keys[j], owner, cancellationToken).ConfigureAwait(false);
                }

                return i > 0 ? IdempotencyClaimStatus.Replay : status;
            }
        }

        return IdempotencyClaimStatus.Claimed;
    }

    public async ValueTask CompleteAsync(IReadOnlyList<string> keys, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await CompleteOneAsync(key, owner, retention, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask ReleaseAsync(IReadOnlyList<string> keys, string owner, CancellationToken cancellationToken)
    {
        foreach (var key in keys)
        {
            await ReleaseOneAsync(key, owner, cancellationToken).ConfigureAwait(false);
        }
    }

    private const string KeyPrefix = "webhookkit:claim:";
    private const string DonePrefix = "done:";

    private async ValueTask<IdempotencyClaimStatus> TryClaimOneAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var cacheKey = KeyPrefix + key;
        var existing = await cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            return IsDone(existing) ? IdempotencyClaimStatus.Duplicate : IdempotencyClaimStatus.InFlight;
        }

        var value = Encoding.UTF8.GetBytes(owner);
        await cache.SetAsync(cacheKey, value, new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lease }, cancellationToken).ConfigureAwait(false);

        // Narrows (does not close) the race: of two writers, the one that reads back the other's value backs off.
        var after = await cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        return after is not null && after.AsSpan().SequenceEqual(value) ? IdempotencyClaimStatus.Claimed : IdempotencyClaimStatus.InFlight;
    }

    private async ValueTask CompleteOneAsync(string key, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        var cacheKey = KeyPrefix + key;
        var existing = await cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (existing is null || Encoding.UTF8.GetString(existing) == owner)
        {
            await cache.SetAsync(cacheKey, Encoding.UTF8.GetBytes(DonePrefix + owner), new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = retention }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask ReleaseOneAsync(string key, string owner, CancellationToken cancellationToken)
    {
        var cacheKey = KeyPrefix + key;
        var existing = await cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        if (existing is not null && Encoding.UTF8.GetString(existing) == owner)
        {
            await cache.RemoveAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsDone(byte[] value) => value.AsSpan().StartsWith(Encoding.UTF8.GetBytes(DonePrefix));
}
