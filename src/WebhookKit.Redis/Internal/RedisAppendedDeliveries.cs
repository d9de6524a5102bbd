using System.Buffers;
using System.Collections.Concurrent;
using WebhookKit.Dispatch;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// The deliveries this instance appended to a stream, each with a copy of its body (in a pooled buffer), kept until its
/// reader reads their entries back, so that it need neither fetch the bodies with <c>MGET</c> (the reply is a body's
/// second trip over the network and Redis's largest write per delivery) nor parse the entries again: the appending
/// instance's reader, woken by the append, reads most of its own entries back within milliseconds. A copy stands for
/// the entry exactly: both hold what was appended, and nothing deletes a body key before its entry has been read once
/// (<see cref="Take"/> is only asked for entries read new). Bounded by count and bytes, oldest first: the delivery of an
/// entry another instance reads, or that waits behind a backlog, is dropped and read from Redis as before.
/// </summary>
/// <remarks>
/// A pooled buffer goes back to the pool only once its delivery was handled (<see cref="RedisStreamWebhookQueue.CompleteAndAcknowledgeAsync"/>),
/// as the in-memory queue returns its pooled bodies at acknowledgement: <see cref="WebhookEvent{TPayload}.RawBody"/> is
/// valid until the handler's task completes. A dead-lettered delivery's buffer is left to the garbage collector, since
/// a dead-letter store may keep the delivery. A copy nobody took (not appended, or dropped to stay within the bounds)
/// goes back at once: taking and dropping remove it from the dictionary atomically, so only one of them has it.
/// </remarks>
internal sealed class RedisAppendedDeliveries
{
    /// <summary>Bodies up to this size are copied into pooled buffers; larger ones into arrays of their own.</summary>
    private const int MaxPooledLength = 16 * 1024;

    /// <summary>
    /// A pool of its own: the shared pool keeps a few dozen buffers of a size per core, fewer than the copies a busy
    /// instance holds (a batch of appends rents them at once, the workers return them one by one), so most copies
    /// were fresh arrays that lived through the prefetch into gen1. This one keeps at most 256 a size: about 4 MB
    /// for bodies of one size, 8 MB at most.
    /// </summary>
    private readonly ArrayPool<byte> _pool = ArrayPool<byte>.Create(MaxPooledLength, 256);
    private readonly ConcurrentDictionary<string, Appended> _deliveries = new(StringComparer.Ordinal);

    /// <summary>Delivery ids in the order added, those taken since included: bounding it bounds the dictionary too.</summary>
    private readonly ConcurrentQueue<string> _order = new();
    private readonly int _maxCount;
    private readonly long _maxBytes;
    private long _bytes;

    public RedisAppendedDeliveries(int maxCount, long maxBytes)
    {
        _maxCount = maxCount;
        _maxBytes = maxBytes;
    }

    /// <summary>
    /// Keeps a copy of a delivery about to be appended, its body in a pooled buffer (the caller's buffer may be reused
    /// once its append is answered; one that was not appended is dropped), dropping the oldest beyond the bounds.
    /// </summary>
    public void Add(WebhookDelivery delivery)
    {
        var length = delivery.Body.Length;
        if (length > _maxBytes)
        {
            return;
        }

        var pool = length <= MaxPooledLength ? _pool : null;
        var buffer = pool?.Rent(length) ?? new byte[length];
        delivery.Body.CopyTo(buffer);
        ReadOnlyMemory<byte> body = buffer.AsMemory(0, length);

        // As the stream entry would be read back: a new read, no attempt started yet; the payload only when it differs.
        var copy = new WebhookDelivery(delivery.DeliveryId, delivery.ReceiverName, delivery.Provider, delivery.EventType, delivery.EventId, delivery.ReceivedAt, body, delivery.Payload.Equals(delivery.Body) ? body : delivery.Payload.ToArray(), delivery.Headers)
        {
            TraceParent = delivery.TraceParent,
            ReplayKey = delivery.ReplayKey,
            ReplayOf = delivery.ReplayOf,
        };
        var appended = new Appended(copy, buffer, pool);
        if (!_deliveries.TryAdd(delivery.DeliveryId, appended))
        {
            appended.Return();
            return;
        }

        Interlocked.Add(ref _bytes, length);
        _order.Enqueue(delivery.DeliveryId);
        while ((_order.Count > _maxCount || Interlocked.Read(ref _bytes) > _maxBytes) && _order.TryDequeue(out var oldest))
        {
            Drop(oldest); // Nothing when it was taken already.
        }
    }

    /// <summary>The copy of the delivery <paramref name="deliveryId"/>, now the caller's with its buffer; <see langword="null"/> when none is held.</summary>
    public Appended? Take(string deliveryId)
    {
        if (!_deliveries.TryRemove(deliveryId, out var appended))
        {
            return null;
        }

        Interlocked.Add(ref _bytes, -appended.Delivery.Body.Length);
        return appended;
    }

    /// <summary>Forgets the copy of <paramref name="deliveryId"/>, if held (nobody else has seen it), and returns its buffer.</summary>
    public void Drop(string deliveryId) => Take(deliveryId)?.Return();

    /// <summary>A delivery as appended, and the buffer its body is in (pooled, unless the body is large).</summary>
    internal sealed class Appended(WebhookDelivery delivery, byte[] buffer, ArrayPool<byte>? pool)
    {
        private byte[]? _rented = pool is null ? null : buffer;

        public WebhookDelivery Delivery { get; } = delivery;

        /// <summary>Returns the buffer to its pool, once; only when nothing reads the delivery's body any more.</summary>
        public void Return()
        {
            if (Interlocked.Exchange(ref _rented, null) is { } rented)
            {
                pool!.Return(rented);
            }
        }
    }
}
