using Microsoft.Extensions.Options;
using WebhookKit.Dispatch;

namespace WebhookKit.Tests.Dispatch;

public sealed class InMemoryWebhookQueueTests
{
    private static WebhookDelivery Delivery(string id, int bodyBytes) =>
        new(id, "github", "github", "push", id, DateTimeOffset.UnixEpoch, new byte[bodyBytes], default, new Dictionary<string, string>());

    private static InMemoryWebhookQueue CreateQueue(int capacity, long maxBytes) =>
        new(Options.Create(new WebhookOptions { QueueCapacity = capacity, QueueMaxBytes = maxBytes }));

    [Fact]
    public async Task TryEnqueueAsync_OverCount_IsFullUntilAcknowledged()
    {
        var queue = CreateQueue(capacity: 2, maxBytes: 1_000_000);
        (await queue.TryEnqueueAsync(Delivery("1", 10), default)).Should().Be(WebhookEnqueueResult.Enqueued);
        (await queue.TryEnqueueAsync(Delivery("2", 10), default)).Should().Be(WebhookEnqueueResult.Enqueued);

        (await queue.TryEnqueueAsync(Delivery("3", 10), default)).Should().Be(WebhookEnqueueResult.Full);

        var first = await queue.DequeueAsync(default);
        (await queue.TryEnqueueAsync(Delivery("3", 10), default)).Should().Be(WebhookEnqueueResult.Full, "a dequeued delivery counts until acknowledged");
        await queue.AcknowledgeAsync(first!, default);
        (await queue.TryEnqueueAsync(Delivery("3", 10), default)).Should().Be(WebhookEnqueueResult.Enqueued);
    }

    [Fact]
    public async Task TryEnqueueAsync_OverBytes_IsFullAndCountersStayExact()
    {
        var queue = CreateQueue(capacity: 100, maxBytes: 100);
        (await queue.TryEnqueueAsync(Delivery("1", 60), default)).Should().Be(WebhookEnqueueResult.Enqueued);

        (await queue.TryEnqueueAsync(Delivery("2", 60), default)).Should().Be(WebhookEnqueueResult.Full);

        queue.Count.Should().Be(1);
        queue.Bytes.Should().Be(60);
    }

    [Fact]
    public async Task Close_DrainsWhatIsLeftThenReturnsNull()
    {
        var queue = CreateQueue(capacity: 10, maxBytes: 1000);
        await queue.TryEnqueueAsync(Delivery("1", 1), default);

        queue.Close();

        (await queue.TryEnqueueAsync(Delivery("2", 1), default)).Should().Be(WebhookEnqueueResult.Closed);
        (await queue.DequeueAsync(default))!.DeliveryId.Should().Be("1");
        (await queue.DequeueAsync(default)).Should().BeNull();
    }

    [Fact]
    public async Task ConcurrentEnqueues_NeverExceedCapacity()
    {
        var queue = CreateQueue(capacity: 50, maxBytes: 1_000_000);

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            Task.Run(async () => await queue.TryEnqueueAsync(Delivery(i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1), default))));

        results.Count(r => r == WebhookEnqueueResult.Enqueued).Should().Be(50);
        queue.Count.Should().Be(50);
        queue.Bytes.Should().Be(50);
    }
}
