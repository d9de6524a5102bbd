using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Cluster;

/// <summary>The health checks over a three-master Redis Cluster: every master's settings count, not only the first one's.</summary>
[Collection(RedisClusterTests.Name)]
public sealed class ClusterHealthTests(RedisClusterFixture redis)
{
    [Fact]
    public async Task CheckHealthAsync_OneOfThreeMastersMayEvict_IsDegradedAndHealthyAgainOnceItMayNot()
    {
        // Arrange: WebhookKit is given every master; the last one is the one that gets an evicting policy.
        var cluster = redis.Cluster;
        await using var services = RedisServices.Build(cluster.Configuration, RedisFixture.NewPrefix("cluster-health"), static o =>
        {
            o.DurableQueue = true;
            o.Partitions = 6;
        });
        var store = (IHealthCheck)services.GetRequiredService<IIdempotencyStore>();
        var queue = (IHealthCheck)services.GetRequiredService<IWebhookQueue>();
        var context = new HealthCheckContext { Registration = new HealthCheckRegistration("webhookkit", _ => null!, HealthStatus.Unhealthy, null) };
        var evicting = cluster.Server(cluster.Nodes.Count - 1);

        // Act
        var before = await store.CheckHealthAsync(context);
        HealthCheckResult storeWhileEvicting;
        HealthCheckResult queueWhileEvicting;
        await evicting.ConfigSetAsync("maxmemory-policy", "allkeys-lru");
        try
        {
            storeWhileEvicting = await store.CheckHealthAsync(context);
            queueWhileEvicting = await queue.CheckHealthAsync(context);
        }
        finally
        {
            await evicting.ConfigSetAsync("maxmemory-policy", "noeviction");
        }

        var after = await store.CheckHealthAsync(context);

        // Assert
        before.Status.Should().Be(HealthStatus.Healthy, before.Description + before.Exception);
        storeWhileEvicting.Status.Should().Be(HealthStatus.Degraded, "one master may evict claims and queued deliveries");
        storeWhileEvicting.Description.Should().Contain("allkeys-lru");
        queueWhileEvicting.Status.Should().Be(HealthStatus.Degraded);
        after.Status.Should().Be(HealthStatus.Healthy, after.Description + after.Exception);
    }
}
