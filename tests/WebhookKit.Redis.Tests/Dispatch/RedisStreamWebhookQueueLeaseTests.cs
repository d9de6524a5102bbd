using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WebhookKit.Dispatch;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Dispatch;

/// <summary>The claims' lease in durable mode, set up at the Redis level: renewed with the entries in hand.</summary>
[Collection(RedisTests.Name)]
public sealed class RedisStreamWebhookQueueLeaseTests(RedisFixture redis)
{
    private const string Tag = "github:0";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private IDatabase Database => redis.Server.Database;

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

    private Task<bool> Hold(RedisKey key, string? value, TimeSpan? expiry = null) =>
        value is null ? Database.KeyDeleteAsync(key) : Database.StringSetAsync(key, value, expiry ?? TimeSpan.FromMinutes(1));

    private ServiceProvider Build(string prefix, TimeSpan? lease = null, TimeSpan? visibility = null) =>
        RedisServices.Build(
            redis.Server.Configuration,
            prefix,
            o =>
            {
                o.DurableQueue = true;
                o.VisibilityTimeout = visibility ?? TimeSpan.FromSeconds(10);
            },
            o => o.LeaseDuration = lease ?? Lease);
}
