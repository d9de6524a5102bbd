using System.Buffers;
using WebhookKit.Internal;
using WebhookKit.Receiving;

namespace WebhookKit.Tests.Internal;

/// <summary>The body's one owner: its buffer goes back to the pool exactly once, or never when abandoned.</summary>
public sealed class PooledBodyTests
{
    private readonly CountingPool _pool = new();

    private PooledBody NewBody(UnverifiedBodyBudget? budget = null, long reserved = 0) =>
        new(_pool.Rent(16), 4, _pool, budget, reserved);

    [Fact]
    public void Dispose_OwnedByTheRequest_ReturnsTheBufferOnce()
    {
        var body = NewBody();

        body.Dispose();
        body.Dispose();

        _pool.Returned.Should().Be(1);
        var read = () => body.Memory;
        read.Should().Throw<ObjectDisposedException>("a returned buffer may already hold another request's bytes");
    }

    [Fact]
    public void HandToQueue_ThenTheRequestEnds_LeavesTheBufferToTheQueue()
    {
        var body = NewBody();

        body.HandToQueue();
        body.Dispose();

        _pool.Returned.Should().Be(0, "the queue owns it until acknowledgement");
        body.IsOwnedByQueue.Should().BeTrue();
        body.Memory.Length.Should().Be(4);

        body.ReturnFromQueue();
        body.ReturnFromQueue();
        _pool.Returned.Should().Be(1);
    }

    [Fact]
    public void HandToQueue_AcknowledgedBeforeTheRequestEnds_IsReturnedOnce()
    {
        // A worker can handle and acknowledge the delivery before the enqueue call returns to the request.
        var body = NewBody();

        body.HandToQueue();
        body.ReturnFromQueue();
        body.Dispose();

        _pool.Returned.Should().Be(1);
    }

    [Fact]
    public void TakeBack_AfterAFailedEnqueue_TheRequestReturnsIt()
    {
        var body = NewBody();

        body.HandToQueue();
        body.TakeBack();
        body.ReturnFromQueue(); // A stray acknowledgement of a delivery never queued does nothing.
        body.Dispose();

        _pool.Returned.Should().Be(1);
    }

    [Fact]
    public void Abandon_NeverReturnsTheBuffer()
    {
        // The outcome of a store write from the buffer is unknown: reusing it could change bytes under that write.
        var body = NewBody();

        body.Abandon();
        body.Dispose();
        body.ReturnFromQueue();

        _pool.Returned.Should().Be(0);
    }

    [Fact]
    public void HandToQueue_Twice_Throws()
    {
        var body = NewBody();
        body.HandToQueue();

        var again = body.HandToQueue;

        again.Should().Throw<InvalidOperationException>("a buffer is taken exactly once");
    }

    [Fact]
    public void Verified_ReleasesTheUnverifiedBytesOnce_AndDisposeReleasesThemWhenNotVerified()
    {
        var budget = new UnverifiedBodyBudget(100);
        budget.TryReserve(40).Should().BeTrue();
        budget.TryReserve(30).Should().BeTrue();
        var verified = NewBody(budget, 40);
        var refused = NewBody(budget, 30);

        verified.Verified();
        verified.Verified();
        budget.Held.Should().Be(30);

        refused.Dispose();
        verified.Dispose();
        budget.Held.Should().Be(0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Copy_OwnsItsBytes(bool pinned)
    {
        var buffer = "abcdXXXX"u8.ToArray();
        var body = new PooledBody(buffer, 4, _pool);

        var copy = body.Copy(pinned);
        body.Dispose();
        buffer.AsSpan().Clear(); // The pool hands the buffer to the next request.

        copy.Should().Equal("abcd"u8.ToArray());
        GC.GetGeneration(copy).Should().Be(pinned ? GC.MaxGeneration : 0);
        _pool.Returned.Should().Be(1);
    }

    private sealed class CountingPool : ArrayPool<byte>
    {
        public int Returned { get; private set; }

        public override byte[] Rent(int minimumLength) => new byte[minimumLength];

        public override void Return(byte[] array, bool clearArray = false) => Returned++;
    }
}
