using StackExchange.Redis;
using WebhookKit.Idempotency;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// The <see cref="IIdempotencyStore"/> shared by every instance: a claim is one Redis string under the event's
/// partition tag, claimed atomically with <c>SET NX PX</c>; completing and releasing check the owner in the same
/// Lua script that changes the key. Leases and retention are the core's TTLs, enforced by Redis.
/// Completing a delivery that the durable queue holds is deferred to its acknowledgement, which completes the
/// claim and acknowledges the entry in one script (the dispatcher acknowledges right after completing).
/// </summary>
internal sealed class RedisIdempotencyStore(RedisConnection connection, RedisKeyLayout layout, RedisStreamWebhookQueue queue) : IIdempotencyStore
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

    private async ValueTask<IdempotencyClaimStatus> TryClaimOneAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        var result = (int)await database.ScriptEvaluateAsync(RedisScripts.Claim, [ClaimKey(key)], [owner, Milliseconds(lease)]).ConfigureAwait(false);
        return result switch
        {
            0 => IdempotencyClaimStatus.Claimed,
            1 => IdempotencyClaimStatus.Duplicate,
            _ => IdempotencyClaimStatus.InFlight,
        };
    }

    private async ValueTask CompleteOneAsync(string key, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        if (queue.TryDeferCompletion(key, owner, retention))
        {
            return;
        }

        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        await database.ScriptEvaluateAsync(RedisScripts.Complete, [ClaimKey(key)], [owner, Milliseconds(retention)]).ConfigureAwait(false);
    }

    private async ValueTask ReleaseOneAsync(string key, string owner, CancellationToken cancellationToken)
    {
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        await database.ScriptEvaluateAsync(RedisScripts.Release, [ClaimKey(key)], [owner]).ConfigureAwait(false);
    }

    internal static long Milliseconds(TimeSpan value) => Math.Max(1, (long)Math.Ceiling(value.TotalMilliseconds));

    private RedisKey ClaimKey(string key)
    {
        var tag = layout.TagOfIdempotencyKey(key, out var eventId);
        return layout.Claim(tag, eventId);
    }
}
