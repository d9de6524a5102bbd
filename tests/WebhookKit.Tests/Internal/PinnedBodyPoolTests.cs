using Microsoft.Extensions.Time.Testing;
using WebhookKit.Internal;

namespace WebhookKit.Tests.Internal;

/// <summary>Backlog bodies' pinned buffers are reused, bounded, and given back when a whole trim interval did not need them.</summary>
public sealed class PinnedBodyPoolTests
{
    private static readonly TimeSpan TrimInterval = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new();

    [Theory]
    [InlineData(1, 4096)]
    [InlineData(4096, 4096)]
    [InlineData(4097, 8192)]
    [InlineData(10_260, 16_384)]
    [InlineData(1024 * 1024, 1024 * 1024)]
    public void Rent_BodySize_GetsItsBucketsSizeOnThePinnedHeap(int length, int expected)
    {
        var pool = new PinnedBodyPool(64L * 1024 * 1024, _time, TrimInterval);

        var buffer = pool.Rent(length);

        buffer.Length.Should().Be(expected);
        GC.GetGeneration(buffer).Should().Be(GC.MaxGeneration, "a pinned-heap object is never in a young generation a collection copies");
    }

    [Fact]
    public void Return_ThenRent_ReusesTheBuffer()
    {
        var pool = new PinnedBodyPool(64L * 1024 * 1024, _time, TrimInterval);
        var first = pool.Rent(10_000);

        pool.Return(first);

        pool.Retained.Should().Be(1);
        pool.Rent(12_000).Should().BeSameAs(first);
        pool.Retained.Should().Be(0);
    }

    [Fact]
    public void Return_LargerThanTheLargestBucketOrNotABucketSize_IsNotKept()
    {
        var pool = new PinnedBodyPool(64L * 1024 * 1024, _time, TrimInterval);
        var large = pool.Rent(2 * 1024 * 1024);

        pool.Return(large);
        pool.Return(new byte[5000]);

        large.Length.Should().Be(2 * 1024 * 1024);
        pool.Retained.Should().Be(0);
    }

    [Fact]
    public void Return_BeyondTheRetainedBytes_KeepsOnlyWhatFits()
    {
        var pool = new PinnedBodyPool(3 * 16_384, _time, TrimInterval);
        var buffers = Enumerable.Range(0, 5).Select(_ => pool.Rent(10_000)).ToList();

        buffers.ForEach(buffer => pool.Return(buffer));

        pool.Retained.Should().Be(3);
    }

    [Fact]
    public void Trim_BuffersNoRentNeededForAWholeInterval_AreLetGo()
    {
        var pool = new PinnedBodyPool(64L * 1024 * 1024, _time, TrimInterval);
        var buffers = Enumerable.Range(0, 10).Select(_ => pool.Rent(10_000)).ToList();
        buffers.ForEach(buffer => pool.Return(buffer));

        // The first trim sees the burst's low point (none kept): nothing goes. Then a whole interval with 2 rents at most.
        _time.Advance(TrimInterval + TimeSpan.FromSeconds(1));
        pool.Return(pool.Rent(100));
        var busy = new[] { pool.Rent(10_000), pool.Rent(10_000) };
        busy.ToList().ForEach(buffer => pool.Return(buffer));
        pool.Retained.Should().Be(11, "the ten 16 KB buffers and the 4 KB one");

        _time.Advance(TrimInterval + TimeSpan.FromSeconds(1));
        pool.Return(pool.Rent(100));

        pool.Retained.Should().Be(3, "8 of the ten 16 KB buffers were not needed in that interval; the 4 KB one was");
    }
}
