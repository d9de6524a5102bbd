using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// What the Redis servers' settings mean for the webhooks, for the store's and the queue's health checks and a warning
/// at startup: a <c>maxmemory-policy</c> other than <c>noeviction</c> lets Redis evict claims (a redelivery is then
/// handled again) and bodies of queued deliveries (the delivery is dropped), so it is reported as Degraded.
/// Read from <c>INFO memory</c> of every primary, which managed services allow where <c>CONFIG GET</c> is often disabled,
/// through a one-line script: StackExchange.Redis sends <c>INFO</c> itself only in admin mode.
/// </summary>
internal sealed class RedisServerHealth(RedisConnection connection, ILogger<RedisServerHealth> logger)
{
    private const string NoEviction = "noeviction";
    private const string InfoMemory = "return redis.call('INFO', 'memory')";

    /// <summary>Unhealthy when Redis cannot be reached, Degraded when a primary may evict keys, else Healthy.</summary>
    public async Task<HealthCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        string? policy;
        try
        {
            policy = await GetEvictionPolicyAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("Redis is unreachable (or refused to run a script).", exception);
        }

        return policy is null
            ? HealthCheckResult.Healthy("Redis is reachable and evicts no keys.")
            : HealthCheckResult.Degraded($"Redis maxmemory-policy is '{policy}': under memory pressure it evicts idempotency claims (redeliveries are handled again) and queued deliveries (they are lost). Set it to 'noeviction'.");
    }

    /// <summary>Logs a warning when a primary may evict keys; a Redis unreachable at startup is left to the health check.</summary>
    public async Task WarnIfEvictingAsync()
    {
        try
        {
            if (await GetEvictionPolicyAsync().ConfigureAwait(false) is { } policy)
            {
                Log.EvictionPolicy(logger, policy);
            }
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Unreachable for now: the health check reports it.
        }
    }

    /// <summary>The first eviction policy other than <c>noeviction</c> among the primaries, or <see langword="null"/>.</summary>
    private async Task<string?> GetEvictionPolicyAsync()
    {
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        var primaries = database.Multiplexer.GetServers().Where(static server => server.IsConnected && !server.IsReplica).ToList();
        if (primaries.Count == 0)
        {
            // Not connected yet (or at all): one command through the database connects, or throws when it cannot.
            return Policy((string?)await database.ScriptEvaluateAsync(InfoMemory).ConfigureAwait(false));
        }

        foreach (var server in primaries)
        {
            if (Policy((string?)await server.ExecuteAsync("EVAL", InfoMemory, 0).ConfigureAwait(false)) is { } policy)
            {
                return policy;
            }
        }

        return null;
    }

    private static string? Policy(string? info)
    {
        foreach (var line in (info ?? string.Empty).Split('\n'))
        {
            if (line.StartsWith("maxmemory_policy:", StringComparison.Ordinal))
            {
                var policy = line["maxmemory_policy:".Length..].Trim();
                return string.Equals(policy, NoEviction, StringComparison.Ordinal) ? null : policy;
            }
        }

        return null;
    }
}
