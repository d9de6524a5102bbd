using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebhookKit.Redis;

namespace WebhookKit.Redis.DependencyInjection;

/// <summary>Validates <see cref="RedisWebhookOptions"/> at startup, with messages that name the setting to fix.</summary>
internal sealed class RedisWebhookOptionsValidator(IServiceProviderIsService isService, IOptions<WebhookOptions> webhookOptions) : IValidateOptions<RedisWebhookOptions>
{
    /// <summary>The most entries of each of the shared journal's streams: what one query may read from Redis.</summary>
    internal const int MaxSharedJournalEntries = 100_000;

    public ValidateOptionsResult Validate(string? name, RedisWebhookOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        var redis = options.Redis;
        if (redis is null)
        {
            builder.AddError("'RedisWebhookOptions.Redis' must not be null.");
            return builder.Build();
        }

        if (string.IsNullOrWhiteSpace(redis.Configuration) && redis.ConfigurationOptions is null && redis.ConnectionMultiplexerFactory is null
            && !isService.IsService(typeof(IConnectionMultiplexer)))
        {
            builder.AddError("WebhookKit.Redis has no Redis connection: set RedisCacheOptions.Configuration (or ConfigurationOptions, or ConnectionMultiplexerFactory) in AddRedis(o => o.Redis…) or AddStackExchangeRedisCache(…), or register an IConnectionMultiplexer.");
        }

        if (redis.InstanceName is { } prefix && (prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('}', StringComparison.Ordinal)))
        {
            builder.AddError("'RedisCacheOptions.InstanceName' must not contain '{' or '}': WebhookKit puts its own hash tags in the keys.");
        }

        if (options.Partitions is < 1 or > 1024)
        {
            builder.AddError("'RedisWebhookOptions.Partitions' must be between 1 and 1024.");
        }

        if (options.PrefetchCount is < 1 or > 10_000)
        {
            builder.AddError("'RedisWebhookOptions.PrefetchCount' must be between 1 and 10000 when set.");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(1) || options.PollInterval > TimeSpan.FromSeconds(30))
        {
            builder.AddError("'RedisWebhookOptions.PollInterval' must be between 1 ms and 30 seconds.");
        }

        if (options.VisibilityTimeout < TimeSpan.FromSeconds(1) || options.VisibilityTimeout > TimeSpan.FromDays(1))
        {
            builder.AddError("'RedisWebhookOptions.VisibilityTimeout' must be between 1 second and 1 day.");
        }
        else if (options.DurableQueue && webhookOptions.Value.LeaseDuration <= options.VisibilityTimeout)
        {
            builder.AddError("'Webhooks:LeaseDuration' must be longer than 'RedisWebhookOptions.VisibilityTimeout', or a delivery taken over from a stopped instance could be accepted again meanwhile.");
        }

        var journal = webhookOptions.Value.Journal;
        if (options.SharedJournal && journal.Enabled && Math.Max(journal.MaxEntries, journal.MaxRejectedEntries) > MaxSharedJournalEntries)
        {
            builder.AddError($"'Webhooks:Journal:MaxEntries' and 'MaxRejectedEntries' must be at most {MaxSharedJournalEntries} with 'RedisWebhookOptions.SharedJournal': a query of the shared journal may read that many entries from Redis. Lower them, or set SharedJournal to false.");
        }

        if (options.IdleConsumerTimeout < TimeSpan.FromSeconds(1) || options.IdleConsumerTimeout > TimeSpan.FromDays(30) || options.IdleConsumerTimeout <= 2 * options.PollInterval)
        {
            builder.AddError("'RedisWebhookOptions.IdleConsumerTimeout' must be between 1 second and 30 days, and longer than twice 'RedisWebhookOptions.PollInterval' (a live instance reads every poll interval).");
        }

        if (options.ConsumerName is { Length: 0 })
        {
            builder.AddError("'RedisWebhookOptions.ConsumerName' must not be empty when set.");
        }

        return builder.Build();
    }
}
