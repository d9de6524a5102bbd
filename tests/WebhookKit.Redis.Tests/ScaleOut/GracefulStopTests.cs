using System.Net;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

[Collection(RedisTests.Name)]
public sealed class GracefulStopTests(RedisFixture redis)
{
    [Fact]
    public async Task StopAsync_DeliveriesInHand_HandlesAndAcknowledgesThemAndLeavesTheRestUnreadForOtherInstances()
    {
        // Arrange: two workers, 200 ms per delivery, 40 deliveries: far more than the instance holds (16) or handles before it stops.
        var prefix = RedisFixture.NewPrefix("graceful");
        var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions
        {
            Redis = redis.Server.Configuration,
            Prefix = prefix,
            MaxConcurrency = 2,
            PrefetchCount = 16,
            HandlerDelay = TimeSpan.FromMilliseconds(200),
        });
        var ids = Enumerable.Range(0, 40).Select(i => $"stop-{i}").ToList();
        (await Load.SendAsync([instance], ids, concurrency: 4)).Should().OnlyContain(a => a.Status == HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(async () => (await Handled.StartedAsync(redis.Server.Database, prefix)).Count >= 1, "handlers are running");

        // Act
        await instance.DisposeAsync();

        // Assert: what it started is handled and acknowledged; nothing is left pending; the rest waits in the stream.
        var stream = $"{prefix}webhookkit:{{github:0}}:stream";
        var handled = await Handled.CountsAsync(redis.Server.Database, prefix);
        var started = await Handled.StartedAsync(redis.Server.Database, prefix);
        handled.Keys.Should().BeEquivalentTo(started.Keys, "every delivery it started was finished before it stopped");
        var pending = await redis.Server.Database.StreamPendingAsync(stream, "webhookkit");
        pending.PendingMessageCount.Should().Be(0, "a graceful stop leaves nothing for a takeover");
        (await redis.Server.Database.StreamLengthAsync(stream)).Should().Be(40 - handled.Count, "unread deliveries stay in the stream for other instances");
        handled.Count.Should().BeLessThan(40);
    }
}
