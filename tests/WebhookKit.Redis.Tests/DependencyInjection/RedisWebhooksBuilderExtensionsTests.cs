using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Redis.Internal;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.DependencyInjection;

[Collection(RedisTests.Name)]
public sealed class RedisWebhooksBuilderExtensionsTests(RedisFixture redis)
{
    [Fact]
    public async Task AddRedis_AfterAddStackExchangeRedisCache_TakesTheCacheConfigurationAndInstanceName()
    {
        // Arrange
        var services = NewServices();
        services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = redis.Server.Configuration;
            o.InstanceName = "shop:";
        });

        // Act
        services.AddWebhooks().AddRedis(o => o.DurableQueue = true);
        await using var provider = services.BuildServiceProvider();

        // Assert
        var options = provider.GetRequiredService<IOptions<RedisWebhookOptions>>().Value;
        options.Redis.Configuration.Should().Be(redis.Server.Configuration);
        options.Redis.InstanceName.Should().Be("shop:");
        options.DurableQueue.Should().BeTrue();
        provider.GetRequiredService<IIdempotencyStore>().Should().BeOfType<RedisIdempotencyStore>();
        provider.GetRequiredService<IWebhookQueue>().Should().BeOfType<RedisStreamWebhookQueue>();
        provider.GetRequiredService<IDeadLetterStore>().Should().BeOfType<RedisDeadLetterStore>();
    }

    [Fact]
    public async Task AddRedis_WithoutDurableQueue_KeepsTheInMemoryQueueAndDeadLetters()
    {
        // Arrange
        var services = NewServices();

        // Act
        services.AddWebhooks().AddRedis(o => o.Redis.Configuration = redis.Server.Configuration);
        await using var provider = services.BuildServiceProvider();

        // Assert
        provider.GetRequiredService<IIdempotencyStore>().Should().BeOfType<RedisIdempotencyStore>();
        provider.GetRequiredService<IWebhookQueue>().GetType().Name.Should().Be("InMemoryWebhookQueue");
        provider.GetRequiredService<IDeadLetterStore>().GetType().Name.Should().Be("InMemoryDeadLetterStore");
    }

    [Fact]
    public async Task AddRedis_ConnectionMultiplexerRegistered_ReusesItInsteadOfConnectingAgain()
    {
        // Arrange
        using var shared = await ConnectionMultiplexer.ConnectAsync(redis.Server.Configuration);
        var services = NewServices();
        services.AddSingleton<IConnectionMultiplexer>(shared);
        services.AddWebhooks().AddRedis();
        await using var provider = services.BuildServiceProvider();

        // Act
        await provider.GetRequiredService<IIdempotencyStore>().TryClaimAsync($"github:{Guid.NewGuid()}", "owner", TimeSpan.FromMinutes(1), CancellationToken.None);

        // Assert
        provider.GetRequiredService<RedisConnection>().Multiplexer.Should().BeSameAs(shared);
    }

    [Fact]
    public async Task StartAsync_NoRedisConnectionConfigured_FailsNamingTheSetting()
    {
        // Arrange
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddWebhooks().AddGitHub(o => o.Secrets.Add(RedisTestAppOptions.Secret)).AddRedis(o => o.DurableQueue = true);
        using var host = builder.Build();

        // Act
        var start = () => host.StartAsync();

        // Assert
        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("RedisCacheOptions.Configuration");
    }

    [Fact]
    public async Task StartAsync_VisibilityTimeoutNotShorterThanLease_Fails()
    {
        // Arrange
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddWebhooks(o => o.LeaseDuration = TimeSpan.FromSeconds(30)).AddGitHub(o => o.Secrets.Add(RedisTestAppOptions.Secret))
            .AddRedis(o =>
            {
                o.Redis.Configuration = redis.Server.Configuration;
                o.DurableQueue = true;
                o.VisibilityTimeout = TimeSpan.FromMinutes(1);
            });
        using var host = builder.Build();

        // Act
        var start = () => host.StartAsync();

        // Assert
        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("LeaseDuration");
    }

    [Theory]
    [InlineData(500, 100)]
    [InlineData(1500, 1000)]
    public async Task StartAsync_IdleConsumerTimeoutTooShort_Fails(int milliseconds, int pollMilliseconds)
    {
        // Arrange: under a second, or not longer than twice the poll interval.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddWebhooks().AddGitHub(o => o.Secrets.Add(RedisTestAppOptions.Secret))
            .AddRedis(o =>
            {
                o.Redis.Configuration = redis.Server.Configuration;
                o.DurableQueue = true;
                o.IdleConsumerTimeout = TimeSpan.FromMilliseconds(milliseconds);
                o.PollInterval = TimeSpan.FromMilliseconds(pollMilliseconds);
            });
        using var host = builder.Build();

        // Act
        var start = () => host.StartAsync();

        // Assert
        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("IdleConsumerTimeout");
    }

    [Fact]
    public async Task Receive_RedisDownWhenTheAppStarts_AppStartsAndAnswers503WithRetryAfter()
    {
        // Arrange: nothing listens on port 1; the app must start anyway (lazy connection) and fail closed.
        var options = new RedisTestAppOptions { Redis = "127.0.0.1:1,connectTimeout=500", Prefix = RedisFixture.NewPrefix("down"), ShareMultiplexer = false };
        await using var instance = await WebhookInstance.StartAsync(options);

        // Act
        using var response = await instance.Client.SendAsync(RedisTestApp.Delivery("down-" + Guid.NewGuid()));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task AddDistributedCacheIdempotency_OverTheRedisCache_RecognisesInFlightAndCompletedEvents()
    {
        // Arrange
        var services = NewServices();
        services.AddStackExchangeRedisCache(o =>
        {
            o.Configuration = redis.Server.Configuration;
            o.InstanceName = RedisFixture.NewPrefix("cache");
        });
        services.AddWebhooks().AddDistributedCacheIdempotency();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IIdempotencyStore>();
        // The store is internal to the core package (AddDistributedCacheIdempotency is not Redis-specific), so by name.
        store.GetType().FullName.Should().Be("WebhookKit.Idempotency.DistributedCacheIdempotencyStore");
        var key = $"github:{Guid.NewGuid()}";

        // Act
        var first = await store.TryClaimAsync(key, "owner-a", TimeSpan.FromMinutes(1), CancellationToken.None);
        var second = await store.TryClaimAsync(key, "owner-b", TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.CompleteAsync(key, "owner-a", TimeSpan.FromDays(1), CancellationToken.None);
        var third = await store.TryClaimAsync(key, "owner-c", TimeSpan.FromMinutes(1), CancellationToken.None);
        var released = $"github:{Guid.NewGuid()}";
        await store.TryClaimAsync(released, "owner-a", TimeSpan.FromMinutes(1), CancellationToken.None);
        await store.ReleaseAsync(released, "owner-a", CancellationToken.None);

        // Assert
        first.Should().Be(IdempotencyClaimStatus.Claimed);
        second.Should().Be(IdempotencyClaimStatus.Pending);
        third.Should().Be(IdempotencyClaimStatus.Duplicate);
        (await store.TryClaimAsync(released, "owner-b", TimeSpan.FromMinutes(1), CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    private static ServiceCollection NewServices()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        return services;
    }
}
