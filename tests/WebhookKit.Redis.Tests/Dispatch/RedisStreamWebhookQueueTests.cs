using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.Redis.Internal;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Dispatch;

[Collection(RedisTests.Name)]
public sealed class RedisStreamWebhookQueueTests(RedisFixture redis)
{
    [Fact]
    public async Task TryClaimAndEnqueueAsync_NewEvent_StoresBodyAndHeadersThatDequeueReturnsIntact()
    {
        // Arrange
        await using var services = Build(RedisFixture.NewPrefix("queue"));
        var queue = services.GetRequiredService<IWebhookQueue>();
        queue.Should().BeOfType<RedisStreamWebhookQueue>();
        var delivery = RedisServices.Delivery("q-" + Guid.NewGuid(), body: [0x7B, 0x00, 0xFF, 0x7D]);

        // Act
        var result = await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(1), CancellationToken.None);
        var duplicate = await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(RedisServices.Delivery(delivery.EventId), TimeSpan.FromMinutes(1), CancellationToken.None);
        var dequeued = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        result.Should().Be(WebhookClaimAndEnqueueResult.Enqueued);
        duplicate.Should().Be(WebhookClaimAndEnqueueResult.InFlight);
        dequeued!.DeliveryId.Should().Be(delivery.DeliveryId);
        dequeued.Body.ToArray().Should().Equal(0x7B, 0x00, 0xFF, 0x7D);
        dequeued.Headers.Should().BeEquivalentTo(delivery.Headers);
        dequeued.ReceivedAt.ToUnixTimeMilliseconds().Should().Be(delivery.ReceivedAt.ToUnixTimeMilliseconds());
        dequeued.PreviousAttempts.Should().Be(0);
        queue.Count.Should().Be(1);
        await queue.AcknowledgeAsync(dequeued, CancellationToken.None);
        queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task TryClaimAndEnqueueAsync_PartitionAtCapacity_AnswersFullAndClaimsNothing()
    {
        // Arrange
        var prefix = RedisFixture.NewPrefix("full");
        await using var services = Build(prefix, webhooks: o => o.QueueCapacity = 2);
        var queue = (IClaimingWebhookQueue)services.GetRequiredService<IWebhookQueue>();
        await queue.TryClaimAndEnqueueAsync(RedisServices.Delivery("a"), TimeSpan.FromMinutes(1), CancellationToken.None);
        await queue.TryClaimAndEnqueueAsync(RedisServices.Delivery("b"), TimeSpan.FromMinutes(1), CancellationToken.None);

        // Act
        var result = await queue.TryClaimAndEnqueueAsync(RedisServices.Delivery("c"), TimeSpan.FromMinutes(1), CancellationToken.None);

        // Assert
        result.Should().Be(WebhookClaimAndEnqueueResult.Full);
        (await redis.Server.Database.KeyExistsAsync($"{prefix}webhookkit:{{github:0}}:claim:c")).Should().BeFalse("a refused delivery leaves no claim behind");
    }

    [Fact]
    public async Task DequeueAsync_EntryLeftUnacknowledgedByAStoppedConsumer_IsTakenOverWithItsAttemptCount()
    {
        // Arrange: consumer A reads the delivery and stops without acknowledging it (as if it crashed).
        var prefix = RedisFixture.NewPrefix("takeover");
        var a = Build(prefix, o => o.VisibilityTimeout = TimeSpan.FromSeconds(1));
        var queueA = a.GetRequiredService<IWebhookQueue>();
        var delivery = RedisServices.Delivery("t-" + Guid.NewGuid());
        await ((IClaimingWebhookQueue)queueA).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(1), CancellationToken.None);
        (await queueA.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)))!.DeliveryId.Should().Be(delivery.DeliveryId);
        await a.DisposeAsync();

        // Act: consumer B, another instance, finds it idle past the visibility timeout.
        await using var b = Build(prefix, o => o.VisibilityTimeout = TimeSpan.FromSeconds(1));
        var queueB = b.GetRequiredService<IWebhookQueue>();
        var takenOver = await queueB.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        takenOver!.DeliveryId.Should().Be(delivery.DeliveryId);
        takenOver.PreviousAttempts.Should().Be(1, "the first consumer's run counts as an attempt");
        await queueB.AcknowledgeAsync(takenOver, CancellationToken.None);
        await Eventually.WaitUntilAsync(async () => await redis.Server.Database.StreamLengthAsync($"{prefix}webhookkit:{{github:0}}:stream") == 0, "the acknowledgement deletes the entry");
    }

    [Fact]
    public async Task DequeueAsync_EntryInHandOfALiveConsumer_IsRenewedAndNotTakenOver()
    {
        // Arrange: A holds a delivery for two visibility timeouts, renewing it.
        var prefix = RedisFixture.NewPrefix("renew");
        var visibility = TimeSpan.FromSeconds(2);
        await using var a = Build(prefix, o => o.VisibilityTimeout = visibility);
        var queueA = a.GetRequiredService<IWebhookQueue>();
        await ((IClaimingWebhookQueue)queueA).TryClaimAndEnqueueAsync(RedisServices.Delivery("r-" + Guid.NewGuid()), TimeSpan.FromMinutes(1), CancellationToken.None);
        var held = await queueA.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await using var b = Build(prefix, o => o.VisibilityTimeout = visibility);
        var queueB = b.GetRequiredService<IWebhookQueue>();

        // Act
        var dequeue = queueB.DequeueAsync(CancellationToken.None).AsTask();
        var finished = await Task.WhenAny(dequeue, Task.Delay(2 * visibility));

        // Assert
        finished.Should().NotBeSameAs(dequeue, "the entry is in hand of a live consumer");
        var pending = await redis.Server.Database.StreamPendingMessagesAsync($"{prefix}webhookkit:{{github:0}}:stream", "webhookkit", 10, ((RedisStreamWebhookQueue)queueA).ConsumerName);
        pending.Should().ContainSingle().Which.DeliveryCount.Should().Be(1);
        await queueA.AcknowledgeAsync(held!, CancellationToken.None);
    }

    [Fact]
    public async Task Close_WithDeliveriesInHand_StopsAcceptingAndDrainsWhatIsInHand()
    {
        // Arrange
        await using var services = Build(RedisFixture.NewPrefix("close"));
        var queue = services.GetRequiredService<IWebhookQueue>();
        var claiming = (IClaimingWebhookQueue)queue;
        await claiming.TryClaimAndEnqueueAsync(RedisServices.Delivery("c1"), TimeSpan.FromMinutes(1), CancellationToken.None);
        var first = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.WaitUntilAsync(() => Task.FromResult(queue.Count == 1), "the delivery is in hand");

        // Act
        queue.Close();
        var refused = await claiming.TryClaimAndEnqueueAsync(RedisServices.Delivery("c2"), TimeSpan.FromMinutes(1), CancellationToken.None);
        var next = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        // Assert
        refused.Should().Be(WebhookClaimAndEnqueueResult.Closed);
        next.Should().BeNull("the queue is closed and nothing else is in hand");
        await queue.AcknowledgeAsync(first!, CancellationToken.None);
        queue.Count.Should().Be(0);
    }

    private ServiceProvider Build(string prefix, Action<RedisWebhookOptions>? configure = null, Action<WebhookOptions>? webhooks = null) =>
        RedisServices.Build(redis.Server.Configuration, prefix, o =>
        {
            o.DurableQueue = true;
            configure?.Invoke(o);
        }, webhooks);
}
