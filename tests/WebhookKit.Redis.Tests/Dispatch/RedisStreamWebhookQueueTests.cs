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
        var prefix = RedisFixture.NewPrefix("queue");
        await using var services = Build(prefix);
        var queue = services.GetRequiredService<IWebhookQueue>();
        queue.Should().BeOfType<RedisStreamWebhookQueue>();
        var delivery = RedisServices.Delivery("q-" + Guid.NewGuid(), body: [0x7B, 0x00, 0xFF, 0x7D]);
        var duplicateDelivery = RedisServices.Delivery(delivery.EventId);

        // Act
        var result = await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(1), CancellationToken.None);
        var duplicate = await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(duplicateDelivery, TimeSpan.FromMinutes(1), CancellationToken.None);
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

        // The body is a key of its own while the entry is in the stream, without expiry; the refused duplicate's is gone.
        var bodyKey = $"{prefix}webhookkit:{{github:0}}:body:{delivery.DeliveryId}";
        (await redis.Server.Database.KeyTimeToLiveAsync(bodyKey)).Should().BeNull("a body whose entry was appended is kept until acknowledged");
        (await redis.Server.Database.KeyExistsAsync($"{prefix}webhookkit:{{github:0}}:body:{duplicateDelivery.DeliveryId}")).Should().BeFalse("a refused delivery leaves no body behind");
        await queue.AcknowledgeAsync(dequeued, CancellationToken.None);
        queue.Count.Should().Be(0);
        await Eventually.WaitUntilAsync(async () => !await redis.Server.Database.KeyExistsAsync(bodyKey), "the acknowledgement deletes the body");
    }

    [Fact]
    public async Task TryClaimAndEnqueueAsync_ManyAtOnceIncludingTheSameEventTwice_EachAnsweredAsIfAlone()
    {
        // Arrange: arrivals that share script runs (RedisAppendBatcher), each event sent twice in a row, so that most
        // pairs land in the same batch.
        var prefix = RedisFixture.NewPrefix("batch");
        await using var services = Build(prefix);
        var queue = (IClaimingWebhookQueue)services.GetRequiredService<IWebhookQueue>();
        var eventIds = Enumerable.Range(0, 200).Select(i => $"b-{i}-{Guid.NewGuid():N}").ToList();
        var deliveries = eventIds.SelectMany(id => new[] { id, id }).Select(id => RedisServices.Delivery(id, body: System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\"}}"))).ToList();

        // Act
        var results = await Task.WhenAll(deliveries.Select(delivery => queue.TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(1), CancellationToken.None).AsTask()));

        // Assert: one enqueued and one in flight per event, and exactly the enqueued ones' bodies in Redis.
        var byEvent = deliveries.Zip(results).GroupBy(pair => pair.First.EventId).ToList();
        byEvent.Should().AllSatisfy(group => group.Select(pair => pair.Second).Should().BeEquivalentTo([WebhookClaimAndEnqueueResult.Enqueued, WebhookClaimAndEnqueueResult.InFlight]));
        (await redis.Server.Database.StreamLengthAsync($"{prefix}webhookkit:{{github:0}}:stream")).Should().Be(eventIds.Count);
        foreach (var (delivery, result) in deliveries.Zip(results))
        {
            var body = await redis.Server.Database.StringGetAsync($"{prefix}webhookkit:{{github:0}}:body:{delivery.DeliveryId}");
            if (result == WebhookClaimAndEnqueueResult.Enqueued)
            {
                ((byte[])body!).Should().Equal(delivery.Body.ToArray());
            }
            else
            {
                body.IsNull.Should().BeTrue();
            }
        }
    }

    [Fact]
    public async Task CompleteAndAcknowledgeBatch_WithAnEntryAcknowledgedBefore_FreesEachEntrysBytesOnce()
    {
        // Arrange: three deliveries read (pending), of different sizes; the first is acknowledged on its own first,
        // as when a consumer it was taken over from acknowledges it too.
        var prefix = RedisFixture.NewPrefix("ackbatch");
        await using var services = Build(prefix);
        var queue = services.GetRequiredService<IWebhookQueue>();
        // A fourth stays pending throughout, so that the counter cannot reach zero by clamping.
        var deliveries = new[] { 10, 200, 3000 }.Select(size => RedisServices.Delivery("a-" + Guid.NewGuid(), body: new byte[size])).ToList();
        var pending = RedisServices.Delivery("p-" + Guid.NewGuid(), body: new byte[50]);
        foreach (var delivery in deliveries.Append(pending))
        {
            await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(1), CancellationToken.None);
            await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }

        var database = redis.Server.Database;
        var tag = "github:0";
        var stream = $"{prefix}webhookkit:{{{tag}}}:stream";
        var bytes = $"{prefix}webhookkit:{{{tag}}}:bytes";
        var entryIds = (await database.StreamRangeAsync(stream)).ToDictionary(entry => (string)entry.Values.Single(field => field.Name == "id").Value!, entry => (string)entry.Id!);
        ((long)await database.StringGetAsync(bytes)).Should().Be(3260);

        // Act
        await Acknowledge(deliveries[0]);
        var afterFirst = (long)await database.StringGetAsync(bytes);
        await Acknowledge(deliveries.ToArray());

        // Assert
        afterFirst.Should().Be(3250);
        ((long)await database.StringGetAsync(bytes)).Should().Be(50, "the entry acknowledged twice is freed once");
        (await database.StreamLengthAsync(stream)).Should().Be(1);
        (await database.StreamPendingAsync(stream, RedisKeyLayout.Group)).PendingMessageCount.Should().Be(1);
        foreach (var delivery in deliveries)
        {
            (await database.KeyExistsAsync($"{prefix}webhookkit:{{{tag}}}:body:{delivery.DeliveryId}")).Should().BeFalse();
            ((string)(await database.StringGetAsync($"{prefix}webhookkit:{{{tag}}}:claim:{delivery.EventId}"))!).Should().Be("done:" + delivery.DeliveryId);
        }

        Task Acknowledge(params WebhookDelivery[] batch)
        {
            var keys = new List<StackExchange.Redis.RedisKey> { stream, bytes };
            var values = new List<StackExchange.Redis.RedisValue> { RedisKeyLayout.Group };
            foreach (var delivery in batch)
            {
                keys.Add($"{prefix}webhookkit:{{{tag}}}:body:{delivery.DeliveryId}");
                keys.Add($"{prefix}webhookkit:{{{tag}}}:claim:{delivery.EventId}");
                values.AddRange([delivery.DeliveryId, 60_000, entryIds[delivery.DeliveryId], delivery.Size, 1]);
            }

            return database.ScriptEvaluateAsync(RedisScripts.CompleteAndAcknowledgeBatch, [.. keys], [.. values]);
        }
    }

    [Fact]
    public async Task TryClaimAndEnqueueAsync_AfterRedisForgotItsScripts_StillClaimsAndAppends()
    {
        // Arrange: the script cache is emptied under a connected client (SCRIPT FLUSH; a restarted or failed-over
        // server has none either), so the client's first EVALSHA in the transaction meets NOSCRIPT.
        var prefix = RedisFixture.NewPrefix("noscript");
        await using var services = Build(prefix);
        var queue = (IClaimingWebhookQueue)services.GetRequiredService<IWebhookQueue>();
        (await queue.TryClaimAndEnqueueAsync(RedisServices.Delivery("before-" + Guid.NewGuid()), TimeSpan.FromMinutes(1), CancellationToken.None)).Should().Be(WebhookClaimAndEnqueueResult.Enqueued);
        await redis.Server.Database.ExecuteAsync("SCRIPT", "FLUSH");

        // Act
        var after = RedisServices.Delivery("after-" + Guid.NewGuid());
        var result = await queue.TryClaimAndEnqueueAsync(after, TimeSpan.FromMinutes(1), CancellationToken.None);

        // Assert
        result.Should().Be(WebhookClaimAndEnqueueResult.Enqueued);
        (await redis.Server.Database.KeyExistsAsync($"{prefix}webhookkit:{{github:0}}:body:{after.DeliveryId}")).Should().BeTrue();
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
        pending.Should().ContainSingle().Which.DeliveryCount.Should().Be(2, "read (1) and started once, by A");
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
