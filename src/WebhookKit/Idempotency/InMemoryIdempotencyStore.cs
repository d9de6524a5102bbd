using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace WebhookKit.Idempotency;

/// <summary>
/// The default <see cref="IIdempotencyStore"/>: one process, atomic under one lock per shard, with expired entries
/// swept on a timer so memory stays bounded by the retention window.
/// </summary>
/// <remarks>
/// A retention window holds every key accepted in it: days of traffic, millions of keys. So that the garbage
/// collector neither scans nor copies them, an entry is a plain struct with no object of its own: the key is kept as
/// a 128-bit SHA-256 digest and the owner as a 64-bit tag, in a shard's <see cref="Dictionary{TKey, TValue}"/> of
/// structs: 58–84 bytes per key retained, measured for 1–3 million keys. (Keys held as strings in a concurrent
/// dictionary kept ~220 bytes and three objects each, plus the owner's string, and under load every gen0 collection
/// promoted, and paused the receive path to copy, the keys accepted since the last one.)
/// </remarks>
internal sealed partial class InMemoryIdempotencyStore : IIdempotencyStore, IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    // A power of two; enough that concurrent claims rarely wait for the same lock, and that a sweep holds each lock
    // for a small part of the keys.
    private const int ShardCount = 64;

    private readonly Shard[] _shards = [.. Enumerable.Range(0, ShardCount).Select(static index => new Shard(index))];
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _sweepTimer;

    /// <summary>What the startup report prints.</summary>
    public override string ToString() => "in memory (this instance only)";

    public InMemoryIdempotencyStore(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _sweepTimer = timeProvider.CreateTimer(static state => ((InMemoryIdempotencyStore)state!).SweepExpired(), this, SweepInterval, SweepInterval);
    }

    /// <summary>The number of keys held, expired or not; for tests.</summary>
    public int Count => _shards.Sum(static shard => shard.Count);

    /// <summary>The number of keys the shards have room for without growing; for tests of the sweep's trimming.</summary>
    internal int Capacity => _shards.Sum(static shard => shard.Capacity);

    public ValueTask<IdempotencyClaimStatus> TryClaimAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var ownerTag = OwnerTag(owner);
        using var locked = LockedKeys.Enter(this, keys);
        var eventTag = locked.EventTag;
        var now = NowTicks();
        var status = IdempotencyClaimStatus.Claimed;
        foreach (var (shard, digest, position) in locked.Keys)
        {
            if (!shard.Entries.TryGetValue(digest, out var entry) || entry.ExpiresAt <= now)
            {
                continue;
            }

            if (position == 0)
            {
                // The event's own key decides whenever it is held.
                status = entry.State switch
                {
                    ClaimState.Completed => IdempotencyClaimStatus.Duplicate,
                    ClaimState.Queued => IdempotencyClaimStatus.InFlight,
                    _ => IdempotencyClaimStatus.Pending,
                };
            }
            else if (entry.Owner != eventTag && status == IdempotencyClaimStatus.Claimed)
            {
                // A content key held for another event: the same body arrived before under another id.
                status = IdempotencyClaimStatus.Replay;
            }
        }

        if (status == IdempotencyClaimStatus.Claimed)
        {
            // Checked and claimed under the keys' shard locks: two racing claimers cannot both win.
            var expiresAt = AddSaturating(now, lease);
            foreach (var (shard, digest, position) in locked.Keys)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(shard.Entries, digest, out _);
                entry = position == 0
                    ? new Entry(ownerTag, expiresAt, ClaimState.Pending)
                    : new Entry(eventTag, entry.Owner == eventTag ? Math.Max(expiresAt, entry.ExpiresAt) : expiresAt, ClaimState.Pending);
            }
        }

        return ValueTask.FromResult(status);
    }

    public ValueTask CompleteAsync(IReadOnlyList<string> keys, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        var ownerTag = OwnerTag(owner);
        using var locked = LockedKeys.Enter(this, keys);
        var now = NowTicks();
        var expiresAt = AddSaturating(now, retention);
        foreach (var (shard, digest, position) in locked.Keys)
        {
            // The event's key by its delivery; content keys by their event, so that a stale delivery of it may complete them too.
            // A key that is gone (its lease ran out, and the sweep may have removed it) and that nobody claimed since is
            // marked too: the event was handled all the same, as the Redis store does.
            var expected = position == 0 ? ownerTag : locked.EventTag;
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(shard.Entries, digest, out var exists);
            if (!exists || entry.Owner == expected || entry.ExpiresAt <= now)
            {
                entry = new Entry(expected, expiresAt, ClaimState.Completed);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> RenewAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var ownerTag = OwnerTag(owner);
        using var locked = LockedKeys.Enter(this, keys);
        var now = NowTicks();
        var expiresAt = AddSaturating(now, lease);
        var held = false;
        foreach (var (shard, digest, position) in locked.Keys)
        {
            if (position == 0)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(shard.Entries, digest);
                held = !Unsafe.IsNullRef(ref entry) && entry.Owner == ownerTag && entry.State != ClaimState.Completed && entry.ExpiresAt > now;
                if (held)
                {
                    entry = new Entry(ownerTag, expiresAt, ClaimState.Queued);
                }
            }
        }

        if (held)
        {
            // Content keys only with the event's own: they may hold a longer retention already, which is never shortened.
            foreach (var (shard, digest, position) in locked.Keys)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(shard.Entries, digest);
                if (position > 0 && !Unsafe.IsNullRef(ref entry) && entry.Owner == locked.EventTag && entry.ExpiresAt < expiresAt)
                {
                    entry = entry with { ExpiresAt = expiresAt };
                }
            }
        }

        return ValueTask.FromResult(held);
    }

    public ValueTask ReleaseAsync(IReadOnlyList<string> keys, string owner, CancellationToken cancellationToken)
    {
        // Only the event's own key is released. Content keys stay with their event until they expire, so a dead-lettered
        // body relabelled with new ids cannot run its handlers again (or evict its dead letter) meanwhile.
        var ownerTag = OwnerTag(owner);
        using var locked = LockedKeys.Enter(this, keys);
        foreach (var (shard, digest, position) in locked.Keys)
        {
            if (position == 0 && shard.Entries.TryGetValue(digest, out var entry) && entry.Owner == ownerTag)
            {
                shard.Entries.Remove(digest);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Removes expired entries and gives back the room of a shard that shrank to a quarter; public for tests that advance a fake clock.</summary>
    public void SweepExpired()
    {
        foreach (var shard in _shards)
        {
            // Read per shard: a sweep of millions of keys takes a while, and claims go on between shards.
            var now = NowTicks();
            lock (shard.Gate)
            {
                shard.RemoveExpired(now);
            }
        }
    }

    public void Dispose() => _sweepTimer.Dispose();

    private long NowTicks() => _timeProvider.GetUtcNow().UtcTicks;

    // A retention of TimeSpan.MaxValue means "forever", not an overflow.
    private static long AddSaturating(long ticks, TimeSpan span) => span.Ticks > long.MaxValue - ticks ? long.MaxValue : ticks + span.Ticks;

    private Shard ShardOf(KeyDigest digest) => _shards[(int)(digest.High >> 58)];

    /// <summary>FNV-1a over the owner's characters: owners only need telling apart from the other claimants of one key.</summary>
    private static ulong OwnerTag(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var hash = 14695981039346656037UL;
        foreach (var character in owner)
        {
            hash = (hash ^ character) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The first 128 bits of the SHA-256 of a key's UTF-16 code units (<see cref="IdempotencyKeyList.Digest"/>): no object to keep.</summary>
    private readonly record struct KeyDigest(ulong Low, ulong High)
    {
        /// <summary>The digest of one of <paramref name="keys"/>; a list that has its digests (<see cref="IIdempotencyKeyDigests"/>) computes them once.</summary>
        public static KeyDigest Of(IReadOnlyList<string> keys, int index)
        {
            var (low, high) = keys is IIdempotencyKeyDigests digests ? digests.DigestOf(index) : IdempotencyKeyList.Digest(keys[index]);
            return new KeyDigest(low, high);
        }

        // The digest is uniformly distributed already; the shard takes the top bits of High, the dictionary these.
        public override int GetHashCode() => (int)Low;
    }

    private readonly record struct Entry(ulong Owner, long ExpiresAt, ClaimState State);

    private enum ClaimState : byte
    {
        Pending,
        Queued,
        Completed,
    }

    private sealed class Shard(int index)
    {
        public int Index { get; } = index;

        // Below this the room a sweep could give back is not worth rebuilding the table for.
        private const int MinimumTrimCapacity = 1024;

        public Lock Gate { get; } = new();

        public Dictionary<KeyDigest, Entry> Entries { get; } = [];

        public int Count
        {
            get
            {
                lock (Gate)
                {
                    return Entries.Count;
                }
            }
        }

        public int Capacity
        {
            get
            {
                lock (Gate)
                {
                    return Entries.EnsureCapacity(0);
                }
            }
        }

        public void RemoveExpired(long now)
        {
            foreach (var (digest, entry) in Entries)
            {
                if (entry.ExpiresAt <= now)
                {
                    Entries.Remove(digest); // Allowed while enumerating a Dictionary.
                }
            }

            var capacity = Entries.EnsureCapacity(0);
            if (capacity >= MinimumTrimCapacity && Entries.Count <= capacity / 4)
            {
                Entries.TrimExcess();
            }
        }
    }
}
