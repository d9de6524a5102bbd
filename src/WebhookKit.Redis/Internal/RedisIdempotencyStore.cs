using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using WebhookKit.Idempotency;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// The <see cref="IIdempotencyStore"/> shared by every instance: a claim is one Redis string per key, all keys of a
/// delivery under one partition tag (<see cref="RedisKeyLayout.ClaimKeys(IReadOnlyList{string}, out RedisKey[])"/>), so that
/// one Lua script claims all or none, and completing and releasing check the owner in the script that changes the keys.
/// Leases and retention are the core's TTLs, enforced by Redis. A delivery of the durable queue is completed by the queue
/// with its acknowledgement (<see cref="WebhookKit.Dispatch.ICompletingWebhookQueue"/>), not here: the store knows nothing
/// of the queue, and claims-only mode never builds it.
/// Every script is sent again while a Redis Cluster moves its slot (<see cref="RedisSlotMigrationRetry"/>).
/// Its health check adds the server's settings (<see cref="RedisServerHealth"/>) to a probe claim and release.
/// </summary>
internal sealed class RedisIdempotencyStore(RedisConnection connection, RedisKeyLayout layout, RedisServerHealth health, TimeProvider timeProvider)
    : IIdempotencyStore, IHealthCheck
{
    private static readonly TimeSpan ProbeLease = TimeSpan.FromSeconds(30);

    /// <summary>What the startup report prints.</summary>
    public override string ToString() => "Redis (claims shared by every instance)";

    public async ValueTask<IdempotencyClaimStatus> TryClaimAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        layout.ClaimKeys(keys, out var redisKeys);
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        var result = await connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.Claim, redisKeys, [owner, Milliseconds(lease)]).ConfigureAwait(false);
        return RedisClaimCodes.ToClaimStatus(RedisClaimCodes.Of(result));
    }

    public async ValueTask CompleteAsync(IReadOnlyList<string> keys, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        layout.ClaimKeys(keys, out var redisKeys);
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        await connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.Complete, redisKeys, [owner, Milliseconds(retention)]).ConfigureAwait(false);
    }

    public async ValueTask<bool> RenewAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        layout.ClaimKeys(keys, out var redisKeys);
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        return (int)await connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.RenewClaim, redisKeys, [owner, Milliseconds(lease)]).ConfigureAwait(false) == 1;
    }

    public async ValueTask ReleaseAsync(IReadOnlyList<string> keys, string owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // Under the partition of the whole key list (its replay key's, when it has one), as the delivery's entry and claims.
        layout.ClaimKeys(keys, out var redisKeys);
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        await connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.Release, redisKeys, [owner]).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public IHealthCheck HealthCheck => this;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var server = await health.CheckAsync(cancellationToken).ConfigureAwait(false);
        if (server.Status == HealthStatus.Unhealthy)
        {
            return server;
        }

        // A claim and release of a unique key, as the core probes a store: a server that answers INFO may still refuse writes.
        try
        {
            var owner = Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("N");
            string[] probe = ["webhookkit-health:" + owner];
            await TryClaimAsync(probe, owner, ProbeLease, cancellationToken).ConfigureAwait(false);
            await ReleaseAsync(probe, owner, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Redis refuses idempotency claims.", exception);
        }

        return server;
    }

    internal static long Milliseconds(TimeSpan value) => Math.Max(1, (long)Math.Ceiling(value.TotalMilliseconds));
}
