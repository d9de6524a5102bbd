using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Redis.Internal;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Dispatch;

[Collection(RedisTests.Name)]
public sealed class RedisDeadLetterStoreTests(RedisFixture redis)
{
    [Fact]
    public async Task AddAsync_ThenListAndGet_ReturnTheDeadLetterWithBodyHeadersAndReason()
    {
        // Arrange
        await using var services = Build(out var prefix);
        var store = services.GetRequiredService<IDeadLetterStore>();
        store.Should().BeOfType<RedisDeadLetterStore>();
        var delivery = RedisServices.Delivery("dl-" + Guid.NewGuid());
        var failedAt = DateTimeOffset.FromUnixTimeMilliseconds(1_750_000_000_000);

        // Act
        await store.AddAsync(new WebhookDeadLetter(delivery, failedAt, 5, "Handler threw InvalidOperationException"), CancellationToken.None);
        var listed = await store.ListAsync(10, CancellationToken.None);
        var got = await store.GetAsync(delivery.DeliveryId, CancellationToken.None);

        // Assert
        listed.Should().ContainSingle().Which.DeliveryId.Should().Be(delivery.DeliveryId);
        got.Should().NotBeNull();
        got!.Attempts.Should().Be(5);
        got.FailedAt.Should().Be(failedAt);
        got.Reason.Should().Be("Handler threw InvalidOperationException");
        got.Delivery.Body.ToArray().Should().Equal(delivery.Body.ToArray());
        got.Delivery.EventId.Should().Be(delivery.EventId);
        got.Delivery.Headers.Should().BeEquivalentTo(delivery.Headers);
        got.Delivery.TraceParent.Should().Be(delivery.TraceParent);
        (await store.GetAsync("no-such-delivery", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task AddAsync_SameDeliveryTwice_StoresItOnce()
    {
        // Arrange: as when a delivery is dead-lettered again after a takeover.
        await using var services = Build(out _);
        var store = services.GetRequiredService<IDeadLetterStore>();
        var deadLetter = new WebhookDeadLetter(RedisServices.Delivery("twice-" + Guid.NewGuid()), DateTimeOffset.UtcNow, 3, "failed");

        // Act
        await store.AddAsync(deadLetter, CancellationToken.None);
        await store.AddAsync(deadLetter, CancellationToken.None);

        // Assert
        (await store.ListAsync(10, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task AddAsync_OverCapacity_EvictsTheOldest()
    {
        // Arrange
        await using var services = Build(out _, webhooks: o => o.DeadLetterCapacity = 3);
        var store = services.GetRequiredService<IDeadLetterStore>();
        var letters = Enumerable.Range(0, 5)
            .Select(i => new WebhookDeadLetter(RedisServices.Delivery($"cap-{i}"), DateTimeOffset.FromUnixTimeSeconds(1_750_000_000 + i), 1, "failed"))
            .ToList();

        // Act
        foreach (var letter in letters)
        {
            await store.AddAsync(letter, CancellationToken.None);
        }

        // Assert
        (await store.ListAsync(10, CancellationToken.None)).Select(l => l.Delivery.EventId).Should().Equal("cap-2", "cap-3", "cap-4");
        (await store.GetAsync(letters[0].DeliveryId, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task ReplayAsync_DeadLetter_MovesItBackIntoTheStreamAsANewClaimedDelivery()
    {
        // Arrange
        await using var services = Build(out var prefix);
        var store = services.GetRequiredService<IDeadLetterStore>();
        var idempotency = services.GetRequiredService<IIdempotencyStore>();
        var delivery = RedisServices.Delivery("replay-" + Guid.NewGuid());
        await store.AddAsync(new WebhookDeadLetter(delivery, DateTimeOffset.UtcNow, 5, "failed"), CancellationToken.None);

        // Act
        var replayed = await store.ReplayAsync(delivery.DeliveryId, CancellationToken.None);
        var again = await store.ReplayAsync(delivery.DeliveryId, CancellationToken.None);

        // Assert
        replayed.Should().Be(DeadLetterReplayResult.Replayed);
        again.Should().Be(DeadLetterReplayResult.NotFound);
        (await store.ListAsync(10, CancellationToken.None)).Should().BeEmpty();
        (await redis.Server.Database.StreamLengthAsync($"{prefix}webhookkit:{{github:0}}:stream")).Should().Be(1);
        (await idempotency.TryClaimAsync(delivery.IdempotencyKey, "other", TimeSpan.FromMinutes(1), CancellationToken.None)).Should().Be(IdempotencyClaimStatus.InFlight);
        var queue = services.GetRequiredService<IWebhookQueue>();
        var dequeued = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        dequeued!.EventId.Should().Be(delivery.EventId);
        dequeued.DeliveryId.Should().NotBe(delivery.DeliveryId, "a replay is a new delivery of the same event");
        dequeued.ReplayOf.Should().Be(delivery.DeliveryId, "the journal links a replay to the delivery it replays");
        dequeued.PreviousAttempts.Should().Be(0);
        dequeued.Body.ToArray().Should().Equal(delivery.Body.ToArray(), "a replayed entry carries its body inline, not under a body key");
    }

    [Fact]
    public async Task ReplayAsync_EventAlreadyAcceptedAgain_KeepsTheDeadLetter()
    {
        // Arrange: the provider redelivered the event meanwhile, and it is in flight.
        await using var services = Build(out _);
        var store = services.GetRequiredService<IDeadLetterStore>();
        var delivery = RedisServices.Delivery("accepted-" + Guid.NewGuid());
        await store.AddAsync(new WebhookDeadLetter(delivery, DateTimeOffset.UtcNow, 5, "failed"), CancellationToken.None);
        await services.GetRequiredService<IIdempotencyStore>().TryClaimAsync(delivery.IdempotencyKey, "redelivery", TimeSpan.FromMinutes(1), CancellationToken.None);

        // Act
        var result = await store.ReplayAsync(delivery.DeliveryId, CancellationToken.None);

        // Assert
        result.Should().Be(DeadLetterReplayResult.AlreadyAccepted);
        (await store.GetAsync(delivery.DeliveryId, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task DeleteAsync_DeadLetter_RemovesItOnce()
    {
        // Arrange
        await using var services = Build(out _);
        var store = services.GetRequiredService<IDeadLetterStore>();
        var delivery = RedisServices.Delivery("delete-" + Guid.NewGuid());
        await store.AddAsync(new WebhookDeadLetter(delivery, DateTimeOffset.UtcNow, 5, "failed"), CancellationToken.None);

        // Act + Assert
        (await store.DeleteAsync(delivery.DeliveryId, CancellationToken.None)).Should().BeTrue();
        (await store.DeleteAsync(delivery.DeliveryId, CancellationToken.None)).Should().BeFalse();
        (await store.ListAsync(10, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Handler_FailsOnEveryAttempt_DeliveryMovesToTheDeadLetterStreamAndItsClaimIsReleased()
    {
        // Arrange
        var prefix = RedisFixture.NewPrefix("dead-e2e");
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix, MaxAttempts = 3 });
        var eventId = RedisTestApp.FailingPrefix + Guid.NewGuid().ToString("N");
        var store = instance.Services.GetRequiredService<IDeadLetterStore>();

        // Act
        (await instance.SendAsync(eventId)).Should().Be(HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(async () => (await store.ListAsync(10, CancellationToken.None)).Count == 1, "the delivery is dead-lettered");

        // Assert
        var deadLetter = (await store.ListAsync(10, CancellationToken.None)).Single();
        deadLetter.Delivery.EventId.Should().Be(eventId);
        deadLetter.Attempts.Should().Be(3);
        await Eventually.WaitUntilAsync(async () => !await redis.Server.Database.KeyExistsAsync($"{prefix}webhookkit:{{github:0}}:claim:{eventId}"), "the claim is released so a redelivery is processed");
        await Eventually.WaitUntilAsync(async () => await redis.Server.Database.StreamLengthAsync($"{prefix}webhookkit:{{github:0}}:stream") == 0, "the entry left its stream");
    }

    [Fact]
    public async Task AddAsync_OneReceiverOverCapacity_EvictsOnlyItsOwnAndKeepsAtMostTheCapacityAcrossItsPartitions()
    {
        // Arrange: capacity 4 per receiver, over 2 partitions (2 each); a failing receiver and a quiet one.
        await using var services = Build(out _, webhooks: o => o.DeadLetterCapacity = 4, partitions: 2);
        var store = services.GetRequiredService<IDeadLetterStore>();
        var quiet = Enumerable.Range(0, 2)
            .Select(i => new WebhookDeadLetter(RedisServices.Delivery($"quiet-{i}", receiver: "quiet"), DateTimeOffset.FromUnixTimeSeconds(1_750_000_000 + i), 1, "failed"))
            .ToList();
        var noisy = Enumerable.Range(0, 20)
            .Select(i => new WebhookDeadLetter(RedisServices.Delivery($"noisy-{i}"), DateTimeOffset.FromUnixTimeSeconds(1_750_000_100 + i), 1, "failed"))
            .ToList();

        // Act
        foreach (var letter in quiet.Concat(noisy))
        {
            await store.AddAsync(letter, CancellationToken.None);
        }

        // Assert
        var listed = await store.ListAsync(100, CancellationToken.None);
        listed.Where(static l => l.Delivery.ReceiverName == "quiet").Should().HaveCount(2, "one receiver never evicts another's dead letters");
        listed.Count(static l => l.Delivery.ReceiverName == "github").Should().BeInRange(1, 4, "a receiver keeps at most the capacity, over all its partitions");
        listed.Select(static l => l.Delivery.EventId).Should().Contain("noisy-19", "the oldest are evicted first");
    }

    private ServiceProvider Build(out string prefix, Action<WebhookOptions>? webhooks = null, int partitions = 1)
    {
        prefix = RedisFixture.NewPrefix("dead");
        return RedisServices.Build(redis.Server.Configuration, prefix, o =>
        {
            o.DurableQueue = true;
            o.Partitions = partitions;
        }, webhooks);
    }
}
