using System.Buffers;
using System.Numerics;

namespace WebhookKit.Internal;

/// <summary>
/// Buffers on the pinned object heap for the bodies of deliveries waiting in the in-memory queue (docs/architecture.md,
/// "The body's life"), reused instead of allocated per delivery. A collection never copies a pinned buffer, which is why
/// waiting bodies live there; but every new pinned allocation counts against the large-object budget, and a burst of
/// them set off a gen2 collection after another (reason AllocLarge), some of them blocking, whose pauses became the
/// burst's p99. Reused buffers allocate nothing after the first burst.
/// </summary>
/// <remarks>
/// Buckets of powers of two from 4 KB to 1 MB; a larger body gets a buffer of its own. What the pool keeps is bounded
/// (<c>maxRetainedBytes</c>, a share of the queue's byte bound), and buffers that no delivery needed during a whole
/// trim interval are let go, so that an idle service gives the memory of its last burst back. Only accepted, verified
/// deliveries rent from it: an unverified request never reaches the queue.
/// </remarks>
internal sealed class PinnedBodyPool : ArrayPool<byte>
{
    private const int MinimumBucketBytes = 4 * 1024;
    private const int MaximumBucketBytes = 1024 * 1024;

    private readonly Bucket[] _buckets;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _trimInterval;
    private long _nextTrim;

    public PinnedBodyPool(long maxRetainedBytes, TimeProvider timeProvider, TimeSpan trimInterval)
    {
        _timeProvider = timeProvider;
        _trimInterval = trimInterval;
        var count = BitOperations.Log2(MaximumBucketBytes / MinimumBucketBytes) + 1;
        _buckets = new Bucket[count];
        for (var i = 0; i < count; i++)
        {
            var size = MinimumBucketBytes << i;
            _buckets[i] = new Bucket(size, (int)Math.Clamp(maxRetainedBytes / size, 0, 1 << 20));
        }

        _nextTrim = timeProvider.GetTimestamp() + (long)(trimInterval.TotalSeconds * timeProvider.TimestampFrequency);
    }

    /// <summary>Gets the number of buffers the pool holds, for tests.</summary>
    internal int Retained => _buckets.Sum(static bucket => bucket.Count);

    public override byte[] Rent(int minimumLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minimumLength);
        return BucketFor(minimumLength) is { } bucket
            ? bucket.TryTake() ?? GC.AllocateUninitializedArray<byte>(bucket.Size, pinned: true)
            : GC.AllocateUninitializedArray<byte>(minimumLength, pinned: true);
    }

    public override void Return(byte[] array, bool clearArray = false)
    {
        ArgumentNullException.ThrowIfNull(array);

        // Only a buffer of a bucket's exact size is kept; any other (a large body's own) is left to the collector.
        if (BucketFor(array.Length) is { } bucket && bucket.Size == array.Length)
        {
            if (clearArray)
            {
                Array.Clear(array);
            }

            bucket.TryKeep(array);
        }

        TrimWhenDue();
    }

    private Bucket? BucketFor(int length)
    {
        if (length > MaximumBucketBytes)
        {
            return null;
        }

        var index = length <= MinimumBucketBytes ? 0 : BitOperations.Log2((uint)length - 1) + 1 - BitOperations.Log2(MinimumBucketBytes);
        return _buckets[index];
    }

    private void TrimWhenDue()
    {
        var now = _timeProvider.GetTimestamp();
        var due = Volatile.Read(ref _nextTrim);
        if (now < due || Interlocked.CompareExchange(ref _nextTrim, now + (long)(_trimInterval.TotalSeconds * _timeProvider.TimestampFrequency), due) != due)
        {
            return;
        }

        foreach (var bucket in _buckets)
        {
            bucket.Trim();
        }
    }

    /// <summary>One size's buffers: a stack under a lock, and the fewest it held since the last trim (those were never needed).</summary>
    private sealed class Bucket(int size, int capacity)
    {
        private readonly Lock _gate = new();
        private byte[]?[] _items = [];
        private int _count;
        private int _lowWater;

        public int Size { get; } = size;

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _count;
                }
            }
        }

        public byte[]? TryTake()
        {
            lock (_gate)
            {
                if (_count == 0)
                {
                    return null;
                }

                var item = _items[--_count];
                _items[_count] = null;
                _lowWater = Math.Min(_lowWater, _count);
                return item;
            }
        }

        public void TryKeep(byte[] array)
        {
            lock (_gate)
            {
                if (_count == capacity)
                {
                    return;
                }

                if (_count == _items.Length)
                {
                    Array.Resize(ref _items, Math.Min(capacity, Math.Max(16, _items.Length * 2)));
                }

                _items[_count++] = array;
            }
        }

        /// <summary>Lets go of the buffers no rent reached since the last trim.</summary>
        public void Trim()
        {
            lock (_gate)
            {
                // The bottom of the stack is what stayed unused: the rest moves down over it.
                var unused = _lowWater;
                Array.Copy(_items, unused, _items, 0, _count - unused);
                Array.Clear(_items, _count - unused, unused);
                _count -= unused;
                _lowWater = _count;
            }
        }
    }
}
