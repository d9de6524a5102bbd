using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;
using WebhookKit.Testing;

namespace WebhookKit.Redis.Tests.DependencyInjection;

/// <summary>
/// <c>AddWebhookTesting()</c> on a durable Redis app (issue 16, point 1): the tracker's wrapper hands on the stream
/// queue's capabilities, so the receive path still claims and enqueues in one atomic step and the health check still
/// asks Redis, as without the wrapper (it used to fall back to claim-then-enqueue and lose the queue's health).
/// </summary>
[Collection(RedisTests.Name)]
public sealed class WebhookTestingDecoratorTests(RedisFixture redis)
{
    [Fact]
    public async Task AddWebhookTesting_DurableQueue_KeepsTheAtomicClaimAndTheHealthCheckAndTracksTheDelivery()
    {
        // Arrange
        var options = new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = RedisFixture.NewPrefix("testing-decorator") };
        await using var plain = await WebhookInstance.StartAsync(options);
        var trackedOptions = new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = RedisFixture.NewPrefix("testing-decorator") };
        await using var tracked = await WebhookInstance.StartAsync(trackedOptions, builder => builder.Services.AddWebhookTesting());
        var plainQueue = plain.Services.GetRequiredService<IWebhookQueue>();
        var trackedQueue = tracked.Services.GetRequiredService<IWebhookQueue>();
        var id = "decorated-" + Guid.NewGuid().ToString("N");

        // Act
        using var response = await tracked.Client.SendAsync(RedisTestApp.Delivery(id));
        var handled = await tracked.Services.GetRequiredService<WebhookDeliveryTracker>().WaitForEventAsync(id, TimeSpan.FromSeconds(20));

        // Assert
        trackedQueue.Should().NotBeSameAs(plainQueue, "the tracker wraps the queue");
        plainQueue.Capabilities.ClaimAndEnqueue.Should().NotBeNull();
        trackedQueue.Capabilities.ClaimAndEnqueue.Should().NotBeNull("the wrapper hands on the atomic claim-and-enqueue")
            .And.BeOfType(plainQueue.Capabilities.ClaimAndEnqueue!.GetType(), "the stream queue's own");
        trackedQueue.Capabilities.HealthCheck.Should().NotBeNull("and the Redis health check");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        handled.Handled.Should().BeTrue();
    }
}
