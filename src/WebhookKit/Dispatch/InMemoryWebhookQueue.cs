using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace WebhookKit.Dispatch;

/// <summary>
/// The default <see cref="IWebhookQueue"/>: an in-process channel bounded by count and bytes. Capacity is
/// reserved at enqueue and freed at acknowledgement, so deliveries being handled count too.
/// A crash loses what it holds; the provider already had its 200 (use a durable queue where that matters).
/// A delivery may hold its body in the pooled request buffer (<see cref="Internal.PooledBody"/>),
/// which acknowledgement returns.
/// </summary>
internal sealed class InMemoryWebhookQueue : IWebhookQueue
{
    private static readonly WebhookQueueCapabilities PooledBuffers = new() { ReturnsPooledBuffers = true };

    private readonly Channel<WebhookDelivery> _channel = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly int _capacity;
    private readonly long _maxBytes;
    private int _count;
    private long _bytes;

    public InMemoryWebhookQueue(IOptions<WebhookOptions> options)
    {
        _capacity = options.Value.QueueCapacity;
        _maxBytes = options.Value.QueueMaxBytes;
    }

    /// <summary>What the startup report prints.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"in memory (at most {_capacity} deliveries and {_maxBytes} bytes; lost if the process crashes)");

    /// <summary>Gets the capabilities: it returns a delivery's pooled buffer at acknowledgement.</summary>
    public WebhookQueueCapabilities Capabilities => PooledBuffers;

    public int Count => Volatile.Read(ref _count);

    public long Bytes => Interlocked.Read(ref _bytes);

    public ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var size = delivery.Size;
        if (Interlocked.Increment(ref _count) > _capacity | Interlocked.Add(ref _bytes, size) > _maxBytes)
        {
            Release(size);
            return ValueTask.FromResult(WebhookEnqueueResult.Full);
        }

        if (!_channel.Writer.TryWrite(delivery))
        {
            Release(size);
            return ValueTask.FromResult(WebhookEnqueueResult.Closed);
        }

        return ValueTask.FromResult(WebhookEnqueueResult.Enqueued);
    }

    public async ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken)
    {
        // ReadAsync hands each delivery to one waiting worker; WaitToReadAsync + TryRead would wake every idle
        // worker on every write only for all but one of them to go back to sleep.
        try
        {
            return await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null; // Closed and drained.
        }
    }

    public ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        Release(delivery.Size);

        // Acknowledged means handled or dead-lettered (with its own copy): nothing reads this body any more.
        delivery.ReturnPooledBuffer();
        return ValueTask.CompletedTask;
    }

    public void Close() => _channel.Writer.TryComplete();

    private void Release(long size)
    {
        Interlocked.Decrement(ref _count);
        Interlocked.Add(ref _bytes, -size);
    }
}
