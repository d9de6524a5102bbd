using System.Threading.Channels;
using StackExchange.Redis;
using WebhookKit;
using WebhookKit.Dispatch;

/// <summary>
/// The least a durable queue can do (for <c>--compare ceiling</c>, not a queue anyone should use): one <c>SET</c> of the
/// body, awaited before the 200, and one <c>DEL</c> once it was handled; no claims, leases, stream or journal in Redis,
/// and the deliveries handed to this process's workers in memory. What it costs against in-memory mode is what any
/// queue that stores the body in Redis before answering costs on this machine.
/// </summary>
internal sealed class MinimalRedisQueue(IDatabase database, string prefix) : IWebhookQueue
{
    private readonly Channel<WebhookDelivery> _channel = Channel.CreateUnbounded<WebhookDelivery>();
    private int _count;
    private long _bytes;

    public int Count => Volatile.Read(ref _count);

    public long Bytes => Interlocked.Read(ref _bytes);

    public async ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await database.StringSetAsync(prefix + delivery.DeliveryId, delivery.Body).ConfigureAwait(false);
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _bytes, delivery.Size);
        return _channel.Writer.TryWrite(delivery) ? WebhookEnqueueResult.Enqueued : WebhookEnqueueResult.Closed;
    }

    public async ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null;
        }
    }

    public ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _count);
        Interlocked.Add(ref _bytes, -delivery.Size);
        database.KeyDelete(prefix + delivery.DeliveryId, CommandFlags.FireAndForget);
        return ValueTask.CompletedTask;
    }

    public void Close() => _channel.Writer.TryComplete();
}
