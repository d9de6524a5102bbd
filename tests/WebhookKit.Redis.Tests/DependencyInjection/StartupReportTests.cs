using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using WebhookKit.Dispatch;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.DependencyInjection;

/// <summary>The startup report names what Redis mode runs: the durable queue with this instance's consumer, or claims only.</summary>
[Collection(RedisTests.Name)]
public sealed class StartupReportTests(RedisFixture redis)
{
    [Fact]
    public async Task Start_Durable_ReportsTheStreamsQueueWithItsConsumerAndTheSharedStores()
    {
        // Arrange & Act
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = RedisFixture.NewPrefix("report") });
        var logs = instance.Services.GetFakeLogCollector();
        await Eventually.WaitUntilAsync(() => Task.FromResult(logs.GetSnapshot().Any(static r => r.Id.Id == 70)), "the components are reported");

        // Assert: the consumer named is the one reading the streams.
        var consumer = instance.Services.GetRequiredService<IWebhookQueue>().ToString();
        var line = logs.GetSnapshot().Single(static r => r.Id.Id == 70).Message;
        line.Should().Contain($"Queue: {consumer}.")
            .And.Contain("Queue: Redis Streams, durable (consumer ")
            .And.Contain("in group webhookkit, 1 partitions per receiver)")
            .And.Contain("Idempotency store: Redis (claims shared by every instance).")
            .And.Contain("Dead letters: Redis Streams (at most 1000 per receiver, shared by every instance).")
            .And.Contain("Journal: Redis, shared by every instance (10000 entries, 1000 refused requests, 24 h).");
        line.Should().NotContain(RedisTestAppOptions.Secret);
    }

    [Fact]
    public async Task Start_ClaimsOnly_ReportsTheInMemoryQueueAndTheRedisStore()
    {
        // Arrange & Act
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = RedisFixture.NewPrefix("report-claims"), DurableQueue = false });
        var logs = instance.Services.GetFakeLogCollector();
        await Eventually.WaitUntilAsync(() => Task.FromResult(logs.GetSnapshot().Any(static r => r.Id.Id == 70)), "the components are reported");

        // Assert
        var line = logs.GetSnapshot().Single(static r => r.Id.Id == 70).Message;
        line.Should().Contain("Queue: in memory (").And.Contain("Idempotency store: Redis (claims shared by every instance).");
    }
}
