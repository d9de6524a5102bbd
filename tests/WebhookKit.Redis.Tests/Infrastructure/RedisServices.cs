using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookKit.Redis.TestHost;

namespace WebhookKit.Redis.Tests.Infrastructure;

/// <summary>A service provider with WebhookKit on Redis but no web host, for tests of the stores and the queue themselves.</summary>
public static class RedisServices
{
    public static ServiceProvider Build(string redis, string prefix, Action<RedisWebhookOptions>? configure = null, Action<WebhookOptions>? webhooks = null, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        services.AddWebhooks(o => webhooks?.Invoke(o))
            .AddGitHub(o => o.Secrets.Add(RedisTestAppOptions.Secret))
            .AddRedis(o =>
            {
                o.Redis.Configuration = redis;
                o.Redis.InstanceName = prefix;
                o.PollInterval = TimeSpan.FromMilliseconds(20);
                configure?.Invoke(o);
            });
        more?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>A replay key as the receive path makes it for a provider whose event id is unsigned.</summary>
    public static string ReplayKey(string receiver = "github", string? digest = null) =>
        $"{receiver}:\u001Fbody:{digest ?? Guid.NewGuid().ToString("N")}";

    /// <summary>A delivery as the receive path creates it.</summary>
    public static WebhookDelivery Delivery(string eventId, string receiver = "github", string? deliveryId = null, byte[]? body = null, string? replayKey = null) =>
        new(
            deliveryId ?? Guid.CreateVersion7().ToString("N"),
            receiver,
            "github",
            "ping",
            eventId,
            DateTimeOffset.UtcNow,
            body ?? """{"zen":"x"}"""u8.ToArray(),
            body ?? """{"zen":"x"}"""u8.ToArray(),
            new Dictionary<string, string> { ["X-GitHub-Event"] = "ping", ["X-GitHub-Delivery"] = eventId })
        {
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            ReplayKey = replayKey,
        };
}
