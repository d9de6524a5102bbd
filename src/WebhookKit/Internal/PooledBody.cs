using System.Buffers;
using WebhookKit.Receiving;

namespace WebhookKit.Internal;

/// <summary>
/// A request body in a buffer rented from an <see cref="ArrayPool{T}"/>, and who owns that buffer: the request, then
/// perhaps the queue (docs/architecture.md, "The body's life"). Every hand-off is one explicit call, and the buffer
/// goes back to its pool exactly once, or never when a write from it may still be under way.
/// </summary>
/// <remarks>
/// The request owns the body from the read; <c>using</c> gives the buffer back when the request is done with it, unless
/// it was handed to the queue (<see cref="HandToQueue"/>, before the enqueue, so that a worker that finishes first
/// finds it the queue's) or abandoned (<see cref="Abandon"/>). The queue gives it back at acknowledgement
/// (<see cref="ReturnFromQueue"/>). Transitions are atomic: a worker and the request racing to give it back return it once.
/// </remarks>
internal sealed class PooledBody : IDisposable
{
    private const int OwnedByRequest = 0;
    private const int OwnedByQueue = 1;
    private const int Returned = 2;
    private const int Abandoned = 3;

    private readonly byte[] _buffer;
    private readonly ArrayPool<byte> _pool;
    private readonly UnverifiedBodyBudget? _budget;
    private long _unverifiedBytes;
    private int _owner;

    /// <param name="buffer">A buffer rented from <paramref name="pool"/>; from now on this body owns it.</param>
    /// <param name="length">How many of its bytes are the body.</param>
    /// <param name="pool">The pool it goes back to.</param>
    /// <param name="budget">The budget of unverified bytes <paramref name="unverifiedBytes"/> were reserved from, if any.</param>
    /// <param name="unverifiedBytes">The bytes reserved for this buffer until its signature is checked (<see cref="Verified"/>).</param>
    public PooledBody(byte[] buffer, int length, ArrayPool<byte> pool, UnverifiedBodyBudget? budget = null, long unverifiedBytes = 0)
    {
        _buffer = buffer;
        _pool = pool;
        _budget = budget;
        _unverifiedBytes = unverifiedBytes;
        Length = length;
    }

    /// <summary>Gets the length of the body in bytes.</summary>
    public int Length { get; }

    /// <summary>Gets the body; valid while the request or the queue owns it.</summary>
    public ReadOnlyMemory<byte> Memory => Volatile.Read(ref _owner) is OwnedByRequest or OwnedByQueue
        ? _buffer.AsMemory(0, Length)
        : throw new ObjectDisposedException(nameof(PooledBody), "The body's buffer was given back or abandoned.");

    /// <summary>Gets whether the queue owns the buffer now (a delivery waiting in it or being handled holds it).</summary>
    public bool IsOwnedByQueue => Volatile.Read(ref _owner) == OwnedByQueue;

    /// <summary>The signature was checked: the buffer no longer counts against the unverified budget. Once; later calls do nothing.</summary>
    public void Verified()
    {
        var bytes = Interlocked.Exchange(ref _unverifiedBytes, 0);
        if (bytes != 0)
        {
            _budget!.Release(bytes);
        }
    }

    /// <summary>A copy of the body that owns its bytes, on the pinned object heap when <paramref name="pinned"/>.</summary>
    public byte[] Copy(bool pinned)
    {
        var source = Memory.Span;
        var copy = GC.AllocateUninitializedArray<byte>(source.Length, pinned);
        source.CopyTo(copy);
        return copy;
    }

    /// <summary>A copy of the body in a buffer rented from <paramref name="pool"/>, owned by the request like this one until handed on.</summary>
    public PooledBody CopyTo(ArrayPool<byte> pool)
    {
        var source = Memory.Span;
        var buffer = pool.Rent(source.Length);
        source.CopyTo(buffer);
        return new PooledBody(buffer, source.Length, pool);
    }

    /// <summary>
    /// The request hands the buffer to the queue, with a delivery that holds it, before that delivery is enqueued;
    /// <see cref="TakeBack"/> if the enqueue does not succeed.
    /// </summary>
    public void HandToQueue() => Transition(OwnedByRequest, OwnedByQueue);

    /// <summary>The enqueue did not succeed, so no worker has the delivery: the buffer is the request's again.</summary>
    public void TakeBack() => Transition(OwnedByQueue, OwnedByRequest);

    /// <summary>
    /// The request gives the buffer up without returning it, to the garbage collector: the outcome of a write from it is
    /// unknown (a store's client may still hold it), and a reused buffer could change the bytes under that write.
    /// </summary>
    public void Abandon() => Transition(OwnedByRequest, Abandoned);

    /// <summary>The queue is done with the delivery (acknowledged): the buffer goes back to the pool. Once; later calls do nothing.</summary>
    public void ReturnFromQueue()
    {
        if (Interlocked.CompareExchange(ref _owner, Returned, OwnedByQueue) == OwnedByQueue)
        {
            _pool.Return(_buffer);
        }
    }

    /// <summary>The request is done: the buffer goes back to the pool unless the queue owns it or it was abandoned; unverified bytes are released.</summary>
    public void Dispose()
    {
        Verified();
        if (Interlocked.CompareExchange(ref _owner, Returned, OwnedByRequest) == OwnedByRequest)
        {
            _pool.Return(_buffer);
        }
    }

    private void Transition(int from, int to)
    {
        var was = Interlocked.CompareExchange(ref _owner, to, from);
        if (was != from)
        {
            throw new InvalidOperationException($"The body's buffer cannot change owner from state {was}; the hand-off expects state {from}.");
        }
    }
}
