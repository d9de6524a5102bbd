using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WebhookKit.Dispatch;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

/// <summary>
/// Deliveries an instance read ahead of its handlers (prefetched) but never started are taken over with no attempt used;
/// only those whose handler had started count one (issue #17, point 7).
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ReadAheadTakeoverTests(RedisFixture redis)
{
    [Fact]
    public async Task Kill_InstanceHoldingDeliveriesReadAheadOfItsHandlers_TakeoverCountsAnAttemptOnlyForThoseWhoseHandlerStarted()
    {
        // Arrange: the victim's 8 handlers block for longer than the test, so of the 40 deliveries it reads, 8 start and 32
        // wait in its prefetch buffer (128) when it is killed.
        var prefix = RedisFixture.NewPrefix("read-ahead");
        var database = redis.Server.Database;
        var visibility = TimeSpan.FromSeconds(2);
        await using var victim = await WebhookInstance.StartProcessAsync(redis.Server.Configuration, prefix, handlerDelay: TimeSpan.FromMinutes(5), visibility);
        var eventIds = Enumerable.Range(0, 40).Select(static i => $"ahead-{i}").ToList();
        (await Load.SendAsync([victim], eventIds)).Should().OnlyContain(static answer => answer.Status == HttpStatusCode.OK);
        RedisKey stream = $"{prefix}webhookkit:{{github:0}}:stream";
        await Eventually.WaitUntilAsync(
            async () => (await database.StreamPendingAsync(stream, "webhookkit")).PendingMessageCount == eventIds.Count
                && await database.HashLengthAsync(RedisTestApp.StartedByKey(prefix)) == 8,
            "the victim read every delivery and its 8 handlers started");
        await Eventually.WaitUntilAsync(
            async () => (await database.StreamPendingMessagesAsync(stream, "webhookkit", eventIds.Count, RedisValue.Null)).Count(static entry => entry.DeliveryCount == 2) == 8,
            "the victim recorded its 8 handlers as started (in the background: a new delivery's handler does not wait for it)");
        var startedByVictim = (await database.HashKeysAsync(RedisTestApp.StartedByKey(prefix))).Select(static id => (string)id!).ToHashSet();

        // Act: kill it, then start an instance that takes its entries over.
        await victim.KillAsync();
        await using var survivor = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix, VisibilityTimeout = visibility });
        await Eventually.WaitUntilAsync(
            async () => (await Handled.CountsAsync(database, prefix)).Count == eventIds.Count,
            "every delivery is handled",
            TimeSpan.FromSeconds(60));

        // Assert: the survivor ran the started ones as attempt 2, the ones only read ahead as attempt 1.
        var attempts = (await database.HashGetAllAsync(RedisTestApp.AttemptKey(prefix))).ToDictionary(static e => (string)e.Name!, static e => (int)e.Value);
        var started = await Handled.StartedAsync(database, prefix);
        foreach (var eventId in eventIds)
        {
            var runs = startedByVictim.Contains(eventId) ? 2 : 1;
            attempts[eventId].Should().Be(runs, $"{eventId} {(runs == 2 ? "had started on the victim" : "was only read ahead by the victim")}");
            started[eventId].Should().Be(runs);
        }
    }

    [Fact]
    public async Task TakeOver_EntriesReadByAConsumerThatStoppedAfterDequeuingOne_OnlyTheDequeuedOneHasAnAttempt()
    {
        // Arrange: A reads three entries into its buffer, hands one to a worker (DequeueAsync), and stops without acknowledging.
        var prefix = RedisFixture.NewPrefix("read-ahead-queue");
        var visibility = TimeSpan.FromSeconds(1);
        var deliveries = Enumerable.Range(0, 3).Select(i => RedisServices.Delivery($"ahead-{i}-{Guid.NewGuid():N}")).ToList();
        string startedOnA;
        await using (var a = Build(prefix, visibility))
        {
            var queueA = a.GetRequiredService<IWebhookQueue>();
            foreach (var delivery in deliveries)
            {
                await ((IClaimingWebhookQueue)queueA).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(5), CancellationToken.None);
            }

            startedOnA = (await queueA.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)))!.DeliveryId;
            await Eventually.WaitUntilAsync(() => Task.FromResult(queueA.Count == deliveries.Count), "A read all three");
        }

        // Act: B takes them over.
        await using var b = Build(prefix, visibility);
        var queueB = b.GetRequiredService<IWebhookQueue>();
        var takenOver = new List<WebhookDelivery>();
        for (var i = 0; i < deliveries.Count; i++)
        {
            takenOver.Add((await queueB.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)))!);
        }

        // Assert
        takenOver.Should().OnlyContain(delivery => delivery.PreviousAttempts == (delivery.DeliveryId == startedOnA ? 1 : 0));
        takenOver.Select(static delivery => delivery.DeliveryId).Should().BeEquivalentTo(deliveries.Select(static delivery => delivery.DeliveryId));
    }

    private ServiceProvider Build(string prefix, TimeSpan visibility) =>
        RedisServices.Build(redis.Server.Configuration, prefix, o =>
        {
            o.DurableQueue = true;
            o.VisibilityTimeout = visibility;
        });
}
