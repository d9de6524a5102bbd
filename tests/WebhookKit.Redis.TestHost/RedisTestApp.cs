using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using WebhookKit.GitHub;

namespace WebhookKit.Redis.TestHost;

/// <summary>
/// A WebhookKit app with one GitHub receiver on the Redis backend and a handler whose effect is counted in Redis
/// (so it survives the process): <c>{prefix}test:started</c> and <c>{prefix}test:handled</c> are hashes of event id → runs.
/// </summary>
public static class RedisTestApp
{
    public static WebApplication Build(RedisTestAppOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFakeLogging(); // Captured (tests read it through FakeLogCollector), never printed.
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton(options);

        // The handler's own multiplexer; registered in DI so that WebhookKit reuses it rather than opening another.
        var configuration = ConfigurationOptions.Parse(options.Redis);
        configuration.AbortOnConnectFail = false;
        var multiplexer = ConnectionMultiplexer.Connect(configuration);
        if (options.ShareMultiplexer)
        {
            builder.Services.AddSingleton<IConnectionMultiplexer>(multiplexer);
        }
        else
        {
            builder.Services.AddKeyedSingleton<IConnectionMultiplexer>("handler", multiplexer);
        }

        builder.Services.AddSingleton(new HandlerRedis(multiplexer));
        builder.Services.AddWebhooks(o =>
            {
                o.MaxConcurrency = options.MaxConcurrency;
                o.MaxAttempts = options.MaxAttempts;
                o.RetryDelay = options.RetryDelay;
                o.MaxRetryDelay = options.MaxRetryDelay;
                o.RetryAfter = TimeSpan.FromSeconds(3);
                o.QueueCapacity = 100_000;
            })
            .AddGitHub(o => o.Secrets.Add(RedisTestAppOptions.Secret))
            .AddHandler<CountingHandler>()
            .AddRedis(o =>
            {
                o.Redis.Configuration = options.Redis;
                o.Redis.InstanceName = options.Prefix;
                o.DurableQueue = options.DurableQueue;
                o.Partitions = options.Partitions;
                o.VisibilityTimeout = options.VisibilityTimeout;
                o.PollInterval = TimeSpan.FromMilliseconds(20);
                o.PrefetchCount = options.PrefetchCount;
            });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapWebhooks();
        return app;
    }

    /// <summary>
    /// A signed GitHub delivery of event <paramref name="eventId"/>; with <paramref name="bodyOf"/>, the body of that other
    /// event's delivery under this id (a captured delivery relabelled through the unsigned <c>X-GitHub-Delivery</c>).
    /// </summary>
    public static HttpRequestMessage Delivery(string eventId, string eventType = "ping", string? bodyOf = null)
    {
        // The id in the body as well: distinct events have distinct bodies, as real ones do (GitHub's ids are unsigned, so a
        // body already accepted under another id is a replay).
        var body = Encoding.UTF8.GetBytes($$"""{"zen":"Keep it logically awesome.","hook_id":{{(bodyOf ?? eventId).Length}},"action":"created","delivery":"{{bodyOf ?? eventId}}"}""");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-GitHub-Event", eventType);
        request.Headers.TryAddWithoutValidation("X-GitHub-Delivery", eventId);
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(RedisTestAppOptions.Secret), body)));
        return request;
    }

    public static RedisKey StartedKey(string prefix) => prefix + "test:started";

    public static RedisKey HandledKey(string prefix) => prefix + "test:handled";

    /// <summary>The process id of the instance that started each event's latest handler run.</summary>
    public static RedisKey StartedByKey(string prefix) => prefix + "test:started-by";

    /// <summary>The attempt number of each event's latest handler run.</summary>
    public static RedisKey AttemptKey(string prefix) => prefix + "test:attempt";

    /// <summary>Events whose id starts with this fail in the handler every time (for dead-letter tests).</summary>
    public const string FailingPrefix = "fail-";
}

/// <summary>The handler's Redis connection.</summary>
public sealed record HandlerRedis(IConnectionMultiplexer Multiplexer);

/// <summary>Counts every run in Redis: started before the (optional) delay, handled after it.</summary>
public sealed class CountingHandler(HandlerRedis redis, RedisTestAppOptions options) : IWebhookHandler<GitHubEvent>
{
    public async Task HandleAsync(WebhookEvent<GitHubEvent> webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var database = redis.Multiplexer.GetDatabase();
        await database.HashIncrementAsync(RedisTestApp.StartedKey(options.Prefix), webhook.EventId);
        await database.HashSetAsync(RedisTestApp.AttemptKey(options.Prefix), webhook.EventId, webhook.Attempt);
        await database.HashSetAsync(RedisTestApp.StartedByKey(options.Prefix), webhook.EventId, Environment.ProcessId);
        if (options.HandlerDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.HandlerDelay, cancellationToken);
        }

        if (webhook.EventId.StartsWith(RedisTestApp.FailingPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("This test event always fails.");
        }

        await database.HashIncrementAsync(RedisTestApp.HandledKey(options.Prefix), webhook.EventId);
    }
}
