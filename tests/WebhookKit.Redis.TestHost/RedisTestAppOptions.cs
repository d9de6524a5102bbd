namespace WebhookKit.Redis.TestHost;

/// <summary>How one test instance is set up.</summary>
public sealed class RedisTestAppOptions
{
    /// <summary>The GitHub webhook secret the test signs with.</summary>
    public const string Secret = "redis-test-secret";

    public required string Redis { get; init; }

    /// <summary>The key prefix (RedisCacheOptions.InstanceName) that isolates one test's keys.</summary>
    public required string Prefix { get; init; }

    public bool DurableQueue { get; init; } = true;

    public int Partitions { get; init; } = 1;

    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan HandlerDelay { get; init; } = TimeSpan.Zero;

    public int MaxConcurrency { get; init; } = 8;

    /// <summary>RedisWebhookOptions.PrefetchCount; null for the library's default.</summary>
    public int? PrefetchCount { get; init; }

    public int MaxAttempts { get; init; } = 3;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(10);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Registers the handler's IConnectionMultiplexer in DI, so WebhookKit reuses it (one multiplexer per app).</summary>
    public bool ShareMultiplexer { get; init; } = true;

    public static RedisTestAppOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? Get(string name)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        return new RedisTestAppOptions
        {
            Redis = Get("redis") ?? throw new ArgumentException("--redis is required"),
            Prefix = Get("prefix") ?? throw new ArgumentException("--prefix is required"),
            Partitions = int.Parse(Get("partitions") ?? "1", System.Globalization.CultureInfo.InvariantCulture),
            VisibilityTimeout = TimeSpan.FromMilliseconds(int.Parse(Get("visibility-ms") ?? "2000", System.Globalization.CultureInfo.InvariantCulture)),
            HandlerDelay = TimeSpan.FromMilliseconds(int.Parse(Get("handler-delay-ms") ?? "0", System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
