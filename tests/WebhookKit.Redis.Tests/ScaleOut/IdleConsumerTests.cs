using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using WebhookKit.Dispatch;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

/// <summary>The consumers of stopped instances are removed from the group once idle past the bound, unless they own pending entries.</summary>
[Collection(RedisTests.Name)]
public sealed class IdleConsumerTests(RedisFixture redis)
{
    [Fact]
    public async Task Sweep_ConsumersOfStoppedInstances_AreRemovedExceptOneOwningAPendingEntry()
    {
        // Arrange: "stuck" reads a delivery and stops without acknowledging it; "gone-1" and "gone-2" handle one each and
        // stop (a consumer joins the group with the first entry it is given).
        var prefix = RedisFixture.NewPrefix("idle-consumers");
        RedisKey stream = $"{prefix}webhookkit:{{github:0}}:stream";
        await using (var stuck = Build(prefix, "stuck"))
        {
            var queue = stuck.GetRequiredService<IWebhookQueue>();
            await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(RedisServices.Delivery("stuck-" + Guid.NewGuid()), TimeSpan.FromMinutes(5), CancellationToken.None);
            (await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30))).Should().NotBeNull();
        }

        foreach (var name in new[] { "gone-1", "gone-2" })
        {
            await using var gone = Build(prefix, name);
            await HandleOneAsync(gone, stream, name);
        }

        // Act: a live instance with a bound of 2 seconds.
        await using var live = Build(prefix, "live", TimeSpan.FromSeconds(2));
        await HandleOneAsync(live, stream, "live");
        await Eventually.WaitUntilAsync(async () => (await ConsumersAsync(stream)).Keys.Order().SequenceEqual(["live", "stuck"]), "the idle consumers without pending entries are removed");

        // Assert: "stuck" still owns its entry; each removal was logged (once the script's reply is read: after Redis removed them).
        (await ConsumersAsync(stream))["stuck"].Should().Be(1);
        var logs = live.GetFakeLogCollector();
        await Eventually.WaitUntilAsync(() => Task.FromResult(logs.GetSnapshot().Count(static record => record.Id.Id == 116) >= 2), "the removals are logged");
        var removed = logs.GetSnapshot().Where(static record => record.Id.Id == 116).ToList();
        removed.Select(static record => (string)record.StructuredState!.Single(static pair => pair.Key == "Consumer").Value!).Should().BeEquivalentTo(["gone-1", "gone-2"]);
    }

    /// <summary>Consumer name → pending entries, from XINFO CONSUMERS.</summary>
    private async Task<Dictionary<string, int>> ConsumersAsync(RedisKey stream) =>
        (await redis.Server.Database.StreamConsumerInfoAsync(stream, "webhookkit")).ToDictionary(static c => c.Name, static c => c.PendingMessageCount);

    /// <summary>Enqueues, reads and acknowledges one delivery, so that <paramref name="consumer"/> is in the group with nothing pending.</summary>
    private async Task HandleOneAsync(ServiceProvider services, RedisKey stream, string consumer)
    {
        var queue = services.GetRequiredService<IWebhookQueue>();
        await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(RedisServices.Delivery(consumer + "-" + Guid.NewGuid()), TimeSpan.FromMinutes(5), CancellationToken.None);
        var delivery = await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await queue.AcknowledgeAsync(delivery!, CancellationToken.None);
        await Eventually.WaitUntilAsync(async () => (await ConsumersAsync(stream)).GetValueOrDefault(consumer, -1) == 0, $"{consumer} is in the group with nothing pending");
    }

    private ServiceProvider Build(string prefix, string consumer, TimeSpan? idleConsumerTimeout = null) =>
        RedisServices.Build(redis.Server.Configuration, prefix, o =>
        {
            o.DurableQueue = true;
            o.ConsumerName = consumer;
            o.VisibilityTimeout = TimeSpan.FromMinutes(1); // Longer than the test: "stuck"'s entry is not taken over meanwhile.
            o.IdleConsumerTimeout = idleConsumerTimeout ?? TimeSpan.FromHours(1);
        });
}
