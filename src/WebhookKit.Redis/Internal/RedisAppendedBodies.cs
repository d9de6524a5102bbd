using System.Collections.Concurrent;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Copies of the bodies this instance appended to a stream, kept until its reader reads their entries back, so that it
/// need not fetch them with <c>MGET</c>: that reply is a body's second trip over the network and Redis's largest write
/// per delivery, and the appending instance's reader, woken by the append, reads most of its own entries back within
/// milliseconds. A copy stands for the body key exactly: both hold the bytes that were appended, and nothing deletes a
/// body key before its entry has been read once (<see cref="Take"/> is only asked for entries read new). Bounded by
/// count and bytes, oldest first: the body of an entry another instance reads, or that waits behind a backlog, is
/// dropped and read from Redis as before.
/// </summary>
internal sealed class RedisAppendedBodies
{
    private readonly ConcurrentDictionary<string, byte[]> _bodies = new(StringComparer.Ordinal);

    /// <summary>Delivery ids in the order added, those taken since included: bounding it bounds the dictionary too.</summary>
    private readonly ConcurrentQueue<string> _order = new();
    private readonly int _maxCount;
    private readonly long _maxBytes;
    private long _bytes;

    public RedisAppendedBodies(int maxCount, long maxBytes)
    {
        _maxCount = maxCount;
        _maxBytes = maxBytes;
    }

    /// <summary>Gets the bytes of the copies held.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>
    /// Keeps a copy of the body of a delivery about to be appended (the caller's buffer may be reused once its append is
    /// answered; one that was not appended is taken back), dropping the oldest copies beyond the bounds.
    /// </summary>
    public void Add(string deliveryId, ReadOnlyMemory<byte> body)
    {
        if (body.Length > _maxBytes)
        {
            return;
        }

        var copy = body.ToArray();
        if (!_bodies.TryAdd(deliveryId, copy))
        {
            return;
        }

        Interlocked.Add(ref _bytes, copy.Length);
        _order.Enqueue(deliveryId);
        while ((_order.Count > _maxCount || Interlocked.Read(ref _bytes) > _maxBytes) && _order.TryDequeue(out var oldest))
        {
            Take(oldest); // Nothing when it was taken already.
        }
    }

    /// <summary>The copy of the body of <paramref name="deliveryId"/>, now given up; <see langword="null"/> when none is held.</summary>
    public byte[]? Take(string deliveryId)
    {
        if (!_bodies.TryRemove(deliveryId, out var body))
        {
            return null;
        }

        Interlocked.Add(ref _bytes, -body.Length);
        return body;
    }
}
