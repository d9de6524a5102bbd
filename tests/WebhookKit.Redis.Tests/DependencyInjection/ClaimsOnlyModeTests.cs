using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebhookKit.Redis.Internal;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.DependencyInjection;

/// <summary>
/// <c>AddRedis()</c> without the durable queue holds only the claims (issue 16, point 4): the store and the dead letters
/// no longer reach into the stream queue, so claims-only mode never builds it.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class ClaimsOnlyModeTests(RedisFixture redis)
{
    [Fact]
    public async Task ClaimsOnly_ReceivesHandlesAndStopsWithoutEverBuildingTheStreamQueue()
    {
        // Arrange: building the stream queue fails the app.
        var options = new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = RedisFixture.NewPrefix("claims-only"), DurableQueue = false };
        var instance = await WebhookInstance.StartAsync(options, builder => builder.Services.Replace(
            ServiceDescriptor.Singleton<RedisStreamWebhookQueue>(_ => throw new InvalidOperationException("claims-only mode built the stream queue"))));
        var id = "claims-only-" + Guid.NewGuid().ToString("N");

        // Act
        using var response = await instance.Client.SendAsync(RedisTestApp.Delivery(id));
        await Eventually.WaitUntilAsync(async () => (await Handled.CountsAsync(redis.Server.Database, options.Prefix)).ContainsKey(id), "the delivery is handled");
        using var duplicate = await instance.Client.SendAsync(RedisTestApp.Delivery(id));
        var stop = async () => await instance.DisposeAsync();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        await stop.Should().NotThrowAsync("stopping does not build the stream queue either");
        (await Handled.CountsAsync(redis.Server.Database, options.Prefix))[id].Should().Be(1);
    }
}
