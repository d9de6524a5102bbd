using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Redis.Internal;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Dispatch;

/// <summary>Deliveries with a replay key (unsigned event ids) through the durable queue: both claims, one partition.</summary>
[Collection(RedisTests.Name)]
public sealed class RedisStreamWebhookQueueReplayKeyTests(RedisFixture redis)
{
    private const int Partitions = 4;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task TryClaimAndEnqueueAsync_RelabelledReplay_IsReplayBeforeAndAfterTheFirstIsAcknowledged()
    {
        // Arrange: the same body and event type for the same receiver, under a new (unsigned) event id.
        var prefix = RedisFixture.NewPrefix("relabel-queue");
        await using var services = Build(prefix);
        var queue = services.GetRequiredService<IWebhookQueue>();
        var claiming = (IClaimingWebhookQueue)queue;
        var body = """{"action":"opened"}"""u8.ToArray();
        var replayKey = RedisServices.ReplayKey();
        var first = RedisServices.Delivery("id-1", body: body, replayKey: replayKey);
        var (tag, claimKey, replayClaimKey) = Keys(prefix, first);

        // Act
        var enqueued = await claiming.TryClaimAndEnqueueAsync(first, Lease, CancellationToken.None);
        var relabelledWhileInFlight = await claiming.TryClaimAndEnqueueAsync(RedisServices.Delivery("id-2", body: body, replayKey: replayKey), Lease, CancellationToken.None);
        var dequeued = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        // As the dispatcher does with a queue that keeps its claims: complete and acknowledge, in one operation.
        await queue.Capabilities.CompleteAndAcknowledge!.CompleteAndAcknowledgeAsync(dequeued!, TimeSpan.FromDays(1), CancellationToken.None);
        var database = redis.Server.Database;
        await Eventually.WaitUntilAsync(async () => (string?)await database.StringGetAsync(claimKey) == "done:" + first.DeliveryId, "the acknowledgement completes the event's claim");
        var relabelled = await claiming.TryClaimAndEnqueueAsync(RedisServices.Delivery("id-3", body: body, replayKey: replayKey), Lease, CancellationToken.None);
        var redelivered = await claiming.TryClaimAndEnqueueAsync(RedisServices.Delivery("id-1", body: body, replayKey: replayKey), Lease, CancellationToken.None);

        // Assert
        enqueued.Should().Be(WebhookClaimAndEnqueueResult.Enqueued);
        relabelledWhileInFlight.Should().Be(WebhookClaimAndEnqueueResult.Replay);
        dequeued!.ReplayKey.Should().Be(replayKey, "the entry keeps the replay key");
        relabelled.Should().Be(WebhookClaimAndEnqueueResult.Replay, "a captured body under a new id is a replay");
        ((string?)await database.StringGetAsync(replayClaimKey)).Should().StartWith("e:", "the body is claimed for its event");
        redelivered.Should().Be(WebhookClaimAndEnqueueResult.Duplicate);
        ((string?)await database.StringGetAsync(claimKey)).Should().Be("done:" + first.DeliveryId);
        (await database.KeyExistsAsync($"{prefix}webhookkit:{{{tag}}}:claim:id-2")).Should().BeFalse("a refused delivery claims none of its keys");
        (await database.KeyExistsAsync($"{prefix}webhookkit:{{{tag}}}:claim:id-3")).Should().BeFalse();
        (await database.StreamLengthAsync($"{prefix}webhookkit:{{{tag}}}:stream")).Should().Be(0, "the entry was in the replay key's partition and is acknowledged");
    }

    [Fact]
    public async Task DeadLetter_DeliveryWithReplayKey_ReleasesTheEventsClaimKeepsTheBodysAndTheReplayClaimsBothAgain()
    {
        // Arrange
        var prefix = RedisFixture.NewPrefix("relabel-dead");
        await using var services = Build(prefix);
        var queue = services.GetRequiredService<IWebhookQueue>();
        var claiming = (IClaimingWebhookQueue)queue;
        var store = services.GetRequiredService<IIdempotencyStore>();
        var deadLetters = services.GetRequiredService<IDeadLetterStore>();
        var replayKey = RedisServices.ReplayKey();
        var delivery = RedisServices.Delivery("dead-1", replayKey: replayKey);
        var (_, claimKey, replayClaimKey) = Keys(prefix, delivery);
        await claiming.TryClaimAndEnqueueAsync(delivery, Lease, CancellationToken.None);
        var dequeued = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var database = redis.Server.Database;
        (await database.KeyExistsAsync(replayClaimKey)).Should().BeTrue();

        // Act: as the dispatcher does after the last attempt: store the dead letter, release the claim, acknowledge.
        await deadLetters.AddAsync(new WebhookDeadLetter(dequeued!, DateTimeOffset.UtcNow, 3, "failed"), CancellationToken.None);
        await store.ReleaseAsync(dequeued!.IdempotencyKeys, dequeued.DeliveryId, CancellationToken.None);
        await queue.AcknowledgeAsync(dequeued, CancellationToken.None);
        var eventClaimedAfterRelease = await database.KeyExistsAsync(claimKey);
        var bodyClaimedAfterRelease = await database.KeyExistsAsync(replayClaimKey);
        var replayed = await deadLetters.ReplayAsync(delivery.DeliveryId, CancellationToken.None);
        var relabelled = await claiming.TryClaimAndEnqueueAsync(RedisServices.Delivery("dead-2", replayKey: replayKey), Lease, CancellationToken.None);

        // Assert
        eventClaimedAfterRelease.Should().BeFalse("releasing a dead-lettered delivery releases its event's claim");
        bodyClaimedAfterRelease.Should().BeTrue("the body stays claimed for its event, so relabelled copies cannot run it again");
        (await deadLetters.ListAsync(10, CancellationToken.None)).Should().BeEmpty("the replay moved it back into the stream");
        replayed.Should().Be(DeadLetterReplayResult.Replayed);
        var owner = (string?)await database.StringGetAsync(claimKey);
        owner.Should().NotBeNull().And.NotStartWith("done:").And.NotBe(delivery.DeliveryId);
        ((string?)await database.StringGetAsync(replayClaimKey)).Should().StartWith("e:", "the replay holds both claims, the body's for its event");
        relabelled.Should().Be(WebhookClaimAndEnqueueResult.Replay);
        var again = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        again!.ReplayKey.Should().Be(replayKey);
        again.DeliveryId.Should().Be(owner);
    }

    [Fact]
    public async Task DequeueAsync_TakenOverDeliveryWithReplayKey_KeepsItAndItsAcknowledgementCompletesBothClaims()
    {
        // Arrange: consumer A reads the delivery and stops without acknowledging it.
        var prefix = RedisFixture.NewPrefix("relabel-takeover");
        var delivery = RedisServices.Delivery("taken-1", replayKey: RedisServices.ReplayKey());
        var (_, claimKey, replayClaimKey) = Keys(prefix, delivery);
        await using (var a = Build(prefix, TimeSpan.FromSeconds(1)))
        {
            var queueA = a.GetRequiredService<IWebhookQueue>();
            await ((IClaimingWebhookQueue)queueA).TryClaimAndEnqueueAsync(delivery, Lease, CancellationToken.None);
            await queueA.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        }

        // Act: consumer B takes it over, completes and acknowledges it.
        await using var b = Build(prefix, TimeSpan.FromSeconds(1));
        var queueB = b.GetRequiredService<IWebhookQueue>();
        var takenOver = await queueB.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await b.GetRequiredService<IIdempotencyStore>().CompleteAsync(takenOver!.IdempotencyKeys, takenOver.DeliveryId, TimeSpan.FromDays(1), CancellationToken.None);
        await queueB.AcknowledgeAsync(takenOver, CancellationToken.None);

        // Assert
        takenOver.PreviousAttempts.Should().Be(1);
        takenOver.ReplayKey.Should().Be(delivery.ReplayKey);
        var database = redis.Server.Database;
        await Eventually.WaitUntilAsync(async () => (string?)await database.StringGetAsync(claimKey) == "done:" + delivery.DeliveryId, "the acknowledgement completes the event's claim");
        (await database.KeyTimeToLiveAsync(replayClaimKey)).Should().BeGreaterThan(Lease, "the body's claim is kept for the retention too");
    }

    private ServiceProvider Build(string prefix, TimeSpan? visibilityTimeout = null) =>
        RedisServices.Build(redis.Server.Configuration, prefix, o =>
        {
            o.DurableQueue = true;
            o.Partitions = Partitions;
            o.VisibilityTimeout = visibilityTimeout ?? o.VisibilityTimeout;
        });

    /// <summary>The partition of the delivery's replay key, and the Redis keys of its two claims there.</summary>
    private static (string Tag, string ClaimKey, string ReplayClaimKey) Keys(string prefix, WebhookDelivery delivery)
    {
        var layout = new RedisKeyLayout(prefix, Partitions);
        var digest = RedisKeyLayout.Digest(delivery.ReplayKey!);
        var tag = $"github:{layout.Partition(digest)}";
        return (tag, $"{prefix}webhookkit:{{{tag}}}:claim:{delivery.EventId}", $"{prefix}webhookkit:{{{tag}}}:replay:{digest}");
    }
}
