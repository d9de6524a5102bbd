using System.Collections.Concurrent;

namespace WebhookKit.Idempotency;

/// <summary>
/// The default <see cref="IIdempotencyStore"/>: one process, atomic through <see cref="ConcurrentDictionary{TKey,TValue}"/>
/// compare-and-swap, with expired entries swept on a timer so memory stays bounded by the retention window.
/// </summary>
internal sealed class InMemoryIdempotencyStore : IIdempotencyStore, IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _sweepTimer;

    public InMemoryIdempotencyStore(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _sweepTimer = timeProvider.CreateTimer(static state => ((InMemoryIdempotencyStore)state!).SweepExpired(), this, SweepInterval, SweepInterval);
    }

    public int Count => _entries.Count;

    public ValueTask<IdempotencyClaimStatus> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        var claim = new Entry(owner, completed: false, now + lease);
        while (true)
        {
            if (_entries.TryAdd(key, claim))
            {
                return ValueTask.FromResult(IdempotencyClaimStatus.Claimed);
            }

            if (!_entries.TryGetValue(key, out var existing))
            {
                continue; // Removed between the two calls: try to add again.
            }

            if (existing.ExpiresAt > now)
            {
                return ValueTask.FromResult(existing.Completed ? IdempotencyClaimStatus.Duplicate : IdempotencyClaimStatus.InFlight);
            }

            // Expired: replace exactly the entry we saw, so that two racing claimers cannot both win.
            if (_entries.TryUpdate(key, claim, existing))
            {
                return ValueTask.FromResult(IdempotencyClaimStatus.Claimed);
            }
        }
    }

    public ValueTask CompleteAsync(string key, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var existing) && existing.Owner == owner)
        {
            _entries.TryUpdate(key, new Entry(owner, completed: true, _timeProvider.GetUtcNow() + retention), existing);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
    {
        if (_entries.TryGetValue(key, out var existing) && existing.Owner == owner)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(key, existing));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Removes expired entries; public for tests that advance a fake clock.</summary>
    public void SweepExpired()
    {
        var now = _timeProvider.GetUtcNow();
        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                _entries.TryRemove(pair);
            }
        }
    }

    public void Dispose() => _sweepTimer.Dispose();

    // A class, compared by reference, so TryUpdate/TryRemove act only on the exact entry that was read.
    private sealed class Entry(string owner, bool completed, DateTimeOffset expiresAt)
    {
        public string Owner { get; } = owner;

        public bool Completed { get; } = completed;

        public DateTimeOffset ExpiresAt { get; } = expiresAt;
    }
}
