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
    public async ValueTask<IdempotencyClaimStatus> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
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

    public async ValueTask CompleteAsync(string key, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        if (queue.TryDeferCompletion(key, owner, retention))
        {
            return;
        }

        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        await database.ScriptEvaluateAsync(RedisScripts.Complete, [ClaimKey(key)], [owner, Milliseconds(retention)]).ConfigureAwait(false);
    }

    public async ValueTask ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
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
