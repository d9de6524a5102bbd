using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

/// <summary>Keys Redis removed by itself (an eviction policy other than noeviction), and how that is reported.</summary>
[Collection(RedisTests.Name)]
public sealed class EvictionTests(RedisFixture redis)
{
    [Fact]
    public async Task TakeOver_EntryWhoseBodyKeyWasEvicted_IsRemovedAndReleasesItsClaimSoTheProvidersRetryIsHandled()
    {
        // Arrange: a delivery accepted and queued (nobody reads it yet), whose body key then disappears.
        var prefix = RedisFixture.NewPrefix("evicted");
        var eventId = "evicted-" + Guid.NewGuid().ToString("N");
        var database = redis.Server.Database;
        await using (var services = RedisServices.Build(redis.Server.Configuration, prefix, o => o.DurableQueue = true))
        {
            var delivery = RedisServices.Delivery(eventId);
            (await ((IClaimingWebhookQueue)services.GetRequiredService<IWebhookQueue>()).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(5), CancellationToken.None))
                .Should().Be(WebhookClaimAndEnqueueResult.Enqueued);
            (await database.KeyDeleteAsync($"{prefix}webhookkit:{{github:0}}:body:{delivery.DeliveryId}")).Should().BeTrue();
        }

        // Act: an instance reads the entry and drops it; then the provider retries (the first delivery timed out for it).
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix });
        await Eventually.WaitUntilAsync(async () => await database.StreamLengthAsync($"{prefix}webhookkit:{{github:0}}:stream") == 0, "the entry without a body is removed");
        var retry = await instance.SendAsync(eventId);
        await Eventually.WaitUntilAsync(async () => (await Handled.CountsAsync(database, prefix)).ContainsKey(eventId), "the retry is handled", TimeSpan.FromSeconds(15));

        // Assert
        retry.Should().Be(HttpStatusCode.OK);
        (await Handled.CountsAsync(database, prefix))[eventId].Should().Be(1);
    }

    [Fact]
    public async Task CheckHealthAsync_RedisWithAnEvictingMaxmemoryPolicy_IsDegradedAndWarnedAtStartup()
    {
        // Arrange: a server of this test's own that may evict any key.
        await using var evicting = await RedisServer.StartAsync(extraArguments: "--maxmemory-policy allkeys-lru");
        await using var services = RedisServices.Build(evicting.Configuration, RedisFixture.NewPrefix("lru"), o => o.DurableQueue = true, more: static services => services.AddHealthChecks().AddWebhookKit());
        await using var healthy = RedisServices.Build(redis.Server.Configuration, RedisFixture.NewPrefix("noeviction"), o => o.DurableQueue = true);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("webhookkit", _ => null!, HealthStatus.Unhealthy, null) };

        // Act
        foreach (var hosted in services.GetServices<IHostedService>().Where(static service => service.GetType().Namespace == "WebhookKit.Redis.Internal"))
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var store = await ((IHealthCheck)services.GetRequiredService<IIdempotencyStore>()).CheckHealthAsync(context);
        var queue = await ((IHealthCheck)services.GetRequiredService<IWebhookQueue>()).CheckHealthAsync(context);
        var storeOfTheNoEvictionServer = await ((IHealthCheck)healthy.GetRequiredService<IIdempotencyStore>()).CheckHealthAsync(context);
        var logs = services.GetFakeLogCollector();
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        // Assert
        store.Status.Should().Be(HealthStatus.Degraded, store.Description + store.Exception);
        report.Status.Should().Be(HealthStatus.Degraded, "AddWebhookKit() reports what the store says of itself");
        await Eventually.WaitUntilAsync(() => Task.FromResult(logs.GetSnapshot().Any(static record => record.Id.Id == 111)), "the startup check warns " + string.Join(",", logs.GetSnapshot().Select(r => r.Id.Id)), TimeSpan.FromSeconds(10));
        store.Description.Should().Contain("allkeys-lru").And.Contain("noeviction");
        queue.Status.Should().Be(HealthStatus.Degraded);
        storeOfTheNoEvictionServer.Status.Should().Be(HealthStatus.Healthy);
        logs.GetSnapshot().Single(static record => record.Id.Id == 111).Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Warning);
    }

    [Fact]
    public async Task CheckHealthAsync_RedisUnreachable_IsUnhealthy()
    {
        // Arrange
        await using var services = RedisServices.Build("127.0.0.1:1,connectTimeout=500", RedisFixture.NewPrefix("down"), o => o.DurableQueue = true);
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("webhookkit", _ => null!, HealthStatus.Unhealthy, null) };

        // Act
        var store = await ((IHealthCheck)services.GetRequiredService<IIdempotencyStore>()).CheckHealthAsync(context);
        var queue = await ((IHealthCheck)services.GetRequiredService<IWebhookQueue>()).CheckHealthAsync(context);

        // Assert
        store.Status.Should().Be(HealthStatus.Unhealthy);
        queue.Status.Should().Be(HealthStatus.Unhealthy);
    }
}
