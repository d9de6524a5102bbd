using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using WebhookKit.Idempotency;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// A best-effort <see cref="IIdempotencyStore"/> over any <see cref="IDistributedCache"/>, for apps whose only
/// shared store is a distributed cache. <see cref="IDistributedCache"/> has no atomic add: a claim is a read, a
/// write and a read back, so two instances receiving the same event at the same moment can both claim it and the
/// handler runs twice. It still removes the common duplicates (provider redeliveries seconds or days apart).
/// The keys of one delivery (its event id's and its replay key's) are not claimed atomically either: all are read
/// first, written only when all are absent, and read back; when one reads back another owner's value, those this
/// claim wrote are deleted again (rolled back) and the claim answers in flight. Two racing claims can so both back off
/// (the provider's retry is then accepted), or both win.
/// </summary>
internal sealed class DistributedCacheIdempotencyStore(IDistributedCache cache) : IIdempotencyStore
{
    public async ValueTask<IdempotencyClaimStatus> TryClaimAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var status = IdempotencyClaimStatus.Claimed;
        foreach (var key in keys)
        {
            var existing = await cache.GetAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                if (IsDone(existing))
                {
                    return IdempotencyClaimStatus.Duplicate;
                }

                status = IdempotencyClaimStatus.InFlight;
            }
        }

        if (status != IdempotencyClaimStatus.Claimed)
        {
            return status;
        }

        var value = Encoding.UTF8.GetBytes(owner);
        var options = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lease };
        foreach (var key in keys)
        {
            await cache.SetAsync(KeyPrefix + key, value, options, cancellationToken).ConfigureAwait(false);
        }

        // Narrows (does not close) the race: of two writers, the one that reads back the other's value backs off.
        foreach (var key in keys)
        {
            var after = await cache.GetAsync(KeyPrefix + key, cancellationToken).ConfigureAwait(false);
            if (after is null || !after.AsSpan().SequenceEqual(value))
            {
                await ReleaseAsync(keys, owner, cancellationToken).ConfigureAwait(false);
                return after is not null && IsDone(after) ? IdempotencyClaimStatus.Duplicate : IdempotencyClaimStatus.InFlight;
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
