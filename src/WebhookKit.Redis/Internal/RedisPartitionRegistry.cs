using System.Collections.Concurrent;
using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Which receiver partitions exist, so that every instance reads every stream and finds every dead letter,
/// whatever receivers it was configured with: a partition is added to a Redis set before its first delivery is
/// written, and read back from it periodically.
/// </summary>
internal sealed class RedisPartitionRegistry(RedisKeyLayout layout, TimeProvider timeProvider)
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, byte> _registered = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _known = new(StringComparer.Ordinal);
    private volatile string[] _snapshot = [];
    private long _refreshedAt = long.MinValue;

    /// <summary>Makes sure <paramref name="tag"/> is in the shared set before anything is written under it.</summary>
    public ValueTask EnsureAsync(IDatabase database, string tag)
    {
        if (_registered.ContainsKey(tag))
        {
            return ValueTask.CompletedTask;
        }

        return RegisterAsync(database, tag);
    }

    /// <summary>Every known partition tag; refreshed from Redis every few seconds, or now when <paramref name="force"/>.</summary>
    public async ValueTask<string[]> GetAsync(IDatabase database, bool force = false)
    {
        var now = timeProvider.GetTimestamp();
        var refreshedAt = Interlocked.Read(ref _refreshedAt);
        if (force || refreshedAt == long.MinValue || timeProvider.GetElapsedTime(refreshedAt, now) >= RefreshInterval)
        {
            var members = await database.SetMembersAsync(layout.PartitionSet).ConfigureAwait(false);
            var missing = new List<RedisValue>();
            var shared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                var tag = (string)member!;
                shared.Add(tag);
                _known.TryAdd(tag, 0);
            }

            foreach (var tag in _registered.Keys)
            {
                if (!shared.Contains(tag))
                {
                    missing.Add(tag); // The set was lost (for example Redis restarted without persistence): add it back.
                }
            }

            if (missing.Count > 0)
            {
                await database.SetAddAsync(layout.PartitionSet, [.. missing]).ConfigureAwait(false);
            }

            Interlocked.Exchange(ref _refreshedAt, now);
            _snapshot = [.. _known.Keys.Order(StringComparer.Ordinal)];
        }

        return _snapshot;
    }

    private async ValueTask RegisterAsync(IDatabase database, string tag)
    {
        await database.SetAddAsync(layout.PartitionSet, tag).ConfigureAwait(false);
        _registered.TryAdd(tag, 0);
        if (_known.TryAdd(tag, 0))
        {
            _snapshot = [.. _known.Keys.Order(StringComparer.Ordinal)];
        }
    }
}
