using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using WebhookKit.Dispatch;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Dispatch;

/// <summary>
/// The claims' lease in durable mode, set up at the Redis level: renewed with the entries in hand, renewed (or re-taken)
/// when an entry that waited is read, left as appended when it is read soon after its append, and an entry whose event
/// another delivery claimed while it waited unread never runs.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RedisStreamWebhookQueueLeaseTests(RedisFixture redis)
{
    private const string Tag = "github:0";
    private const int Superseded = 112;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long an entry may wait unread and still count as fresh in these tests, which then wait longer.</summary>
    private static readonly TimeSpan FreshReadWindow = TimeSpan.FromMilliseconds(50);

    private IDatabase Database => redis.Server.Database;

    [Theory]
    [InlineData("another-delivery", null)]
    [InlineData("done:another-delivery", null)]
    [InlineData("p:another-delivery", null)]
    [InlineData(null, "e:another-event")]
    public async Task DequeueAsync_EventClaimedByAnotherDeliveryWhileTheEntryWaitedUnread_RemovesItWithoutRunning(string? claimHeld, string? contentKeyHeld)
    {
        // Arrange: an entry queued, whose claim expired unread and was then taken by a redelivery (or the event handled),
        // or whose body was accepted under another event meanwhile; then another delivery; nothing has read the stream yet.
        var prefix = RedisFixture.NewPrefix("superseded");
        await using var services = Build(prefix);
        var queue = services.GetRequiredService<IWebhookQueue>();
        var claiming = (IClaimingWebhookQueue)queue;
        var delivery = RedisServices.Delivery("s-" + Guid.NewGuid(), replayKey: contentKeyHeld is null ? null : RedisServices.ReplayKey());
        var bystander = RedisServices.Delivery("b-" + Guid.NewGuid(), body: new byte[100]);
        (await claiming.TryClaimAndEnqueueAsync(delivery, Lease, CancellationToken.None)).Should().Be(WebhookClaimAndEnqueueResult.Enqueued);
        (await claiming.TryClaimAndEnqueueAsync(bystander, Lease, CancellationToken.None)).Should().Be(WebhookClaimAndEnqueueResult.Enqueued);
        var (claim, contentKey) = ClaimKeys(prefix, delivery);
        await Hold(claim, claimHeld);
        if (contentKey is { } replay)
        {
            await Hold(replay, contentKeyHeld);
        }

        await Task.Delay(FreshReadWindow * 4); // Unread for longer than the fresh-read window: as an entry that waited.

        // Act
        var first = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.WaitUntilAsync(async () => await Database.StreamLengthAsync(Key(prefix, "stream")) == 1, "the superseded entry is removed");
        var next = queue.DequeueAsync(CancellationToken.None).AsTask();

        // Assert: never handed to a worker; its body and bytes freed; the claims it lost left as they were.
        first!.DeliveryId.Should().Be(bystander.DeliveryId, "a superseded entry must not run");
        next.IsCompleted.Should().BeFalse();
        queue.Count.Should().Be(1);
        (await Database.StreamPendingAsync(Key(prefix, "stream"), "webhookkit")).PendingMessageCount.Should().Be(1, "only the other delivery is pending");
        (await Database.KeyExistsAsync(Key(prefix, "body:" + delivery.DeliveryId))).Should().BeFalse();
        ((long)await Database.StringGetAsync(Key(prefix, "bytes"))).Should().Be(bystander.Size, "the superseded entry's bytes are freed");
        ((string?)await Database.StringGetAsync(claim)).Should().Be(claimHeld);
        if (claimHeld is not null)
        {
            (await Database.KeyTimeToLiveAsync(claim)).Should().BeLessThanOrEqualTo(TimeSpan.FromMinutes(1), "another delivery's claim keeps its own lease");
        }

        if (contentKey is { } held)
        {
            ((string?)await Database.StringGetAsync(held)).Should().Be(contentKeyHeld);
        }

        var warning = services.GetFakeLogCollector().GetSnapshot().Should().ContainSingle(record => record.Id.Id == Superseded).Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Message.Should().Contain(delivery.EventId).And.NotContain("zen", "no payload bytes");
        await queue.AcknowledgeAsync(first, CancellationToken.None);
    }

    [Theory]
    [InlineData("absent")]
    [InlineData("pending")]
    [InlineData("expiring")]
    public async Task DequeueAsync_ClaimOfItsOwnDeliveryAbsentPendingOrExpiring_IsRenewedOnReadAndRunsOnce(string state)
    {
        // Arrange: the claim expired while the entry waited unread (absent), is another store's pending form of its own
        // delivery's claim, or is about to expire; the content key expired too, or is held for the event for long.
        var prefix = RedisFixture.NewPrefix("reread");
        await using var services = Build(prefix);
        var queue = services.GetRequiredService<IWebhookQueue>();
        var claiming = (IClaimingWebhookQueue)queue;
        var delivery = RedisServices.Delivery("r-" + Guid.NewGuid(), replayKey: RedisServices.ReplayKey());
        await claiming.TryClaimAndEnqueueAsync(delivery, Lease, CancellationToken.None);
        var (claim, contentKey) = ClaimKeys(prefix, delivery);
        var eventValue = await EventValue(claim);
        switch (state)
        {
            case "absent":
                await Database.KeyDeleteAsync([claim, contentKey!.Value]);
                break;
            case "pending":
                await Database.StringSetAsync(claim, "p:" + delivery.DeliveryId, TimeSpan.FromSeconds(30));
                await Database.KeyExpireAsync(contentKey!.Value, TimeSpan.FromHours(1));
                break;
            default:
                await Database.KeyExpireAsync(claim, TimeSpan.FromMilliseconds(1500));
                await Database.KeyExpireAsync(contentKey!.Value, TimeSpan.FromHours(1));
                break;
        }

        await Task.Delay(FreshReadWindow * 4);

        // Act
        var dequeued = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var redelivery = await claiming.TryClaimAndEnqueueAsync(RedisServices.Delivery(delivery.EventId, replayKey: delivery.ReplayKey), Lease, CancellationToken.None);

        // Assert: its delivery holds the claim for a whole lease, so the redelivery is in flight; a content key held for
        // longer is not shortened.
        dequeued!.DeliveryId.Should().Be(delivery.DeliveryId);
        ((string?)await Database.StringGetAsync(claim)).Should().Be(delivery.DeliveryId);
        (await Database.KeyTimeToLiveAsync(claim)).Should().BeGreaterThan(Lease - TimeSpan.FromSeconds(30));
        ((string?)await Database.StringGetAsync(contentKey!.Value)).Should().Be(eventValue);
        (await Database.KeyTimeToLiveAsync(contentKey.Value)).Should().BeGreaterThan(state == "absent" ? Lease - TimeSpan.FromSeconds(30) : TimeSpan.FromMinutes(50));
        redelivery.Should().Be(WebhookClaimAndEnqueueResult.InFlight);
        await queue.AcknowledgeAsync(dequeued, CancellationToken.None);
        await Eventually.WaitUntilAsync(async () => await Database.StreamLengthAsync(Key(prefix, "stream")) == 0, "the acknowledgement deletes the entry");
        queue.Count.Should().Be(0, "it ran once");
    }

    [Fact]
    public async Task DequeueAsync_EntryReadSoonAfterItsAppend_LeavesItsClaimsToTheRenewalOfEntriesInHand()
    {
        // Arrange: the default fresh-read window (here 29 s: a quarter of the 2-minute lease less a renewal interval),
        // renewals every 10 s; the claim is made to run out in 20 s, so that a renewal on read would show.
        var prefix = RedisFixture.NewPrefix("fresh");
        await using var services = Build(prefix, visibility: TimeSpan.FromSeconds(30), defaultFreshReadWindow: true);
        var queue = services.GetRequiredService<IWebhookQueue>();
        var delivery = RedisServices.Delivery("f-" + Guid.NewGuid(), replayKey: RedisServices.ReplayKey());
        await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, Lease, CancellationToken.None);
        var (claim, contentKey) = ClaimKeys(prefix, delivery);
        await Database.KeyExpireAsync(claim, TimeSpan.FromSeconds(20));
        await Database.KeyExpireAsync(contentKey!.Value, TimeSpan.FromSeconds(20));

        // Act
        var dequeued = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var afterRead = await Database.KeyTimeToLiveAsync(claim);

        // Assert: the read left the claims alone; the entry in hand renews them for a whole lease within a renewal interval.
        dequeued!.DeliveryId.Should().Be(delivery.DeliveryId);
        afterRead.Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(20), "an entry read fresh is not renewed in the read's round trip");
        await Eventually.WaitUntilAsync(async () => await Database.KeyTimeToLiveAsync(claim) > TimeSpan.FromSeconds(60), "the renewal of entries in hand renews its claim", TimeSpan.FromSeconds(25));
        ((string?)await Database.StringGetAsync(claim)).Should().Be(delivery.DeliveryId);
        (await Database.KeyTimeToLiveAsync(contentKey.Value)).Should().BeGreaterThan(TimeSpan.FromSeconds(60), "and its content key");
        (await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(RedisServices.Delivery(delivery.EventId, replayKey: delivery.ReplayKey), Lease, CancellationToken.None))
            .Should().Be(WebhookClaimAndEnqueueResult.InFlight);
        await queue.AcknowledgeAsync(dequeued, CancellationToken.None);
    }

    [Fact]
    public async Task Renew_EntryInHand_RenewsItsClaimsPastTheLeaseItWasClaimedWith()
    {
        // Arrange: a 2 s lease, renewed every half second (a third of the visibility timeout); the content key is held
        // for the event for an hour, and the event's claim is in its pending form.
        var prefix = RedisFixture.NewPrefix("renew-claims");
        await using var services = Build(prefix, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1.5));
        var queue = services.GetRequiredService<IWebhookQueue>();
        var delivery = RedisServices.Delivery("h-" + Guid.NewGuid(), replayKey: RedisServices.ReplayKey());
        await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromSeconds(2), CancellationToken.None);
        var dequeued = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var (claim, contentKey) = ClaimKeys(prefix, delivery);
        await Database.KeyExpireAsync(contentKey!.Value, TimeSpan.FromHours(1));
        await Database.StringSetAsync(claim, "p:" + delivery.DeliveryId, TimeSpan.FromSeconds(2));

        // Act: twice the lease.
        await Eventually.WaitUntilAsync(async () => (string?)await Database.StringGetAsync(claim) == delivery.DeliveryId, "the renewal rewrites the pending claim to its owner");
        await Task.Delay(TimeSpan.FromSeconds(4));

        // Assert
        ((string?)await Database.StringGetAsync(claim)).Should().Be(delivery.DeliveryId, "the claim lives as long as its entry is in hand");
        ((string?)await Database.StringGetAsync(contentKey.Value)).Should().StartWith("e:");
        (await Database.KeyTimeToLiveAsync(contentKey.Value)).Should().BeGreaterThan(TimeSpan.FromMinutes(50), "a content key held for longer is never shortened");
        await queue.AcknowledgeAsync(dequeued!, CancellationToken.None);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("another-delivery")]
    [InlineData("done:another-delivery")]
    public async Task Renew_EntryInHandWhoseClaimWasReleasedOrIsAnothers_LeavesTheClaimAlone(string? held)
    {
        // Arrange: in hand; then its claim is released (as a dead letter does before its acknowledgement), or is another's.
        var prefix = RedisFixture.NewPrefix("renew-alone");
        await using var services = Build(prefix, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1.5));
        var queue = services.GetRequiredService<IWebhookQueue>();
        var delivery = RedisServices.Delivery("a-" + Guid.NewGuid());
        await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromSeconds(2), CancellationToken.None);
        var dequeued = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var (claim, _) = ClaimKeys(prefix, delivery);
        await Hold(claim, held, TimeSpan.FromSeconds(20));

        // Act: a few renewals (every half second).
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        // Assert: the entry was renewed (recently idle), its claim was not.
        var pending = await Database.StreamPendingMessagesAsync(Key(prefix, "stream"), "webhookkit", 1, RedisValue.Null);
        pending.Should().ContainSingle().Which.IdleTimeInMilliseconds.Should().BeLessThan(1000);
        ((string?)await Database.StringGetAsync(claim)).Should().Be(held);
        if (held is not null)
        {
            (await Database.KeyTimeToLiveAsync(claim)).Should().BeLessThanOrEqualTo(TimeSpan.FromSeconds(20));
        }

        await queue.AcknowledgeAsync(dequeued!, CancellationToken.None);
    }

    private static RedisKey Key(string prefix, string name) => $"{prefix}webhookkit:{{{Tag}}}:{name}";

    private static (RedisKey Claim, RedisKey? ContentKey) ClaimKeys(string prefix, WebhookDelivery delivery) =>
        (Key(prefix, "claim:" + delivery.EventId), delivery.ReplayKey is { } replayKey ? Key(prefix, "replay:" + Internal.RedisKeyLayout.Digest(replayKey)) : (RedisKey?)null);

    /// <summary>What a content key of the event holds: <c>e:</c> + the SHA-1 of its claim key, as the scripts compute it.</summary>
    private async Task<string> EventValue(RedisKey claim) =>
        "e:" + (string)(await Database.ScriptEvaluateAsync("return redis.sha1hex(KEYS[1])", [claim]))!;

    private Task<bool> Hold(RedisKey key, string? value, TimeSpan? expiry = null) =>
        value is null ? Database.KeyDeleteAsync(key) : Database.StringSetAsync(key, value, expiry ?? TimeSpan.FromMinutes(1));

    /// <summary>A durable queue; with <paramref name="defaultFreshReadWindow"/> its own window, else <see cref="FreshReadWindow"/>.</summary>
    private ServiceProvider Build(string prefix, TimeSpan? lease = null, TimeSpan? visibility = null, bool defaultFreshReadWindow = false) =>
        RedisServices.Build(
            redis.Server.Configuration,
            prefix,
            o =>
            {
                o.DurableQueue = true;
                o.VisibilityTimeout = visibility ?? TimeSpan.FromSeconds(10);
                o.FreshReadWindow = defaultFreshReadWindow ? null : FreshReadWindow;
            },
            o => o.LeaseDuration = lease ?? Lease);
}
