using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

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
internal sealed class InMemoryIdempotencyStore : IIdempotencyStore, IDisposable
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    // A power of two; enough that concurrent claims rarely wait for the same lock, and that a sweep holds each lock
    // for a small part of the keys.
    private const int ShardCount = 64;

    private readonly Shard[] _shards = [.. Enumerable.Range(0, ShardCount).Select(_ => new Shard())];
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _sweepTimer;

    public InMemoryIdempotencyStore(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        _sweepTimer = timeProvider.CreateTimer(static state => ((InMemoryIdempotencyStore)state!).SweepExpired(), this, SweepInterval, SweepInterval);
    }

    /// <summary>The number of keys held, expired or not; for tests.</summary>
    public int Count => _shards.Sum(static shard => shard.Count);

    /// <summary>The number of keys the shards have room for without growing; for tests of the sweep's trimming.</summary>
    internal int Capacity => _shards.Sum(static shard => shard.Capacity);

    public ValueTask<IdempotencyClaimStatus> TryClaimAsync(string key, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        var digest = KeyDigest.Of(key);
        var ownerTag = OwnerTag(owner);
        var now = NowTicks();
        var shard = ShardOf(digest);
        lock (shard.Gate)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(shard.Entries, digest, out var exists);
            if (exists && entry.ExpiresAt > now)
            {
                return ValueTask.FromResult(entry.Completed ? IdempotencyClaimStatus.Duplicate : IdempotencyClaimStatus.InFlight);
            }

            // Absent or expired: claimed under this lock, so two racing claimers cannot both win.
            entry = new Entry(ownerTag, AddSaturating(now, lease), Completed: false);
            return ValueTask.FromResult(IdempotencyClaimStatus.Claimed);
        }
    }

    public ValueTask CompleteAsync(string key, string owner, TimeSpan retention, CancellationToken cancellationToken)
    {
        var digest = KeyDigest.Of(key);
        var ownerTag = OwnerTag(owner);
        var shard = ShardOf(digest);
        lock (shard.Gate)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(shard.Entries, digest);
            if (!Unsafe.IsNullRef(ref entry) && entry.Owner == ownerTag)
            {
                entry = new Entry(ownerTag, AddSaturating(NowTicks(), retention), Completed: true);
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ReleaseAsync(string key, string owner, CancellationToken cancellationToken)
    {
        var digest = KeyDigest.Of(key);
        var ownerTag = OwnerTag(owner);
        var shard = ShardOf(digest);
        lock (shard.Gate)
        {
            if (shard.Entries.TryGetValue(digest, out var entry) && entry.Owner == ownerTag)
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

    /// <summary>The first 128 bits of the SHA-256 of a key's UTF-16 code units: as good as the key for telling keys apart, and no object to keep.</summary>
    private readonly record struct KeyDigest(ulong Low, ulong High)
    {
        public static KeyDigest Of(string key)
        {
            ArgumentNullException.ThrowIfNull(key);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(MemoryMarshal.AsBytes(key.AsSpan()), hash);
            return new KeyDigest(MemoryMarshal.Read<ulong>(hash), MemoryMarshal.Read<ulong>(hash[sizeof(ulong)..]));
        }

        // The digest is uniformly distributed already; the shard takes the top bits of High, the dictionary these.
        public override int GetHashCode() => (int)Low;
    }

    private readonly record struct Entry(ulong Owner, long ExpiresAt, bool Completed);

    private sealed class Shard
    {
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
