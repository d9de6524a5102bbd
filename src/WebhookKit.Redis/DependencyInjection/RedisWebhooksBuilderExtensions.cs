using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Internal;
using WebhookKit.Journal;
using WebhookKit.Redis;
using WebhookKit.Redis.DependencyInjection;
using WebhookKit.Redis.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds WebhookKit's Redis backend: shared deduplication and delivery journal and, opted in, a durable Redis Streams queue.</summary>
public static class RedisWebhooksBuilderExtensions
{
    /// <summary>
    /// Stores idempotency claims in Redis, shared by every instance (the keys of a delivery claimed together, all or
    /// none, by one Lua script on one cluster slot); with
    /// <see cref="RedisWebhookOptions.DurableQueue"/>, also queues accepted deliveries in Redis Streams and keeps dead
    /// letters there, so that a crash loses nothing that was acknowledged with 200. With
    /// <see cref="RedisWebhookOptions.SharedJournal"/> (the default), the delivery journal is kept in Redis too, so every
    /// instance's dashboard shows every instance's deliveries; a journal the app registered itself is kept.
    /// </summary>
    /// <remarks>
    /// The connection comes from <see cref="RedisWebhookOptions.Redis"/>, by default a copy of the application's
    /// <see cref="RedisCacheOptions"/> (as configured by <c>AddStackExchangeRedisCache</c>); an
    /// <c>IConnectionMultiplexer</c> registered in the service collection is reused. Options are validated at startup.
    /// </remarks>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the options, after they are copied from the application's <see cref="RedisCacheOptions"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddRedis(this IWebhooksBuilder builder, Action<RedisWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(static descriptor => descriptor.ServiceType == typeof(RedisConnection)))
        {
            services.AddOptions<RedisWebhookOptions>()
                .Configure<IOptions<RedisCacheOptions>>(static (options, cache) => options.Redis = Copy(cache.Value))
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RedisWebhookOptions>, RedisWebhookOptionsValidator>());

            services.TryAddSingleton(TimeProvider.System);
            services.AddSingleton<RedisConnection>();
            services.AddSingleton(static provider =>
            {
                var options = provider.GetRequiredService<IOptions<RedisWebhookOptions>>().Value;
                return new RedisKeyLayout(options.Redis.InstanceName, options.Partitions);
            });
            services.AddSingleton<RedisPartitionRegistry>();
            services.AddSingleton<RedisServerHealth>();
            services.AddSingleton<RedisReaderWakeup>();
            services.AddSingleton<RedisIdempotencyStore>();
            services.AddSingleton<RedisStreamWebhookQueue>();
            services.AddSingleton<RedisDeadLetterStore>();
            services.AddSingleton<RedisWebhookJournal>();
            services.AddHostedService<RedisStartupCheck>();

            services.RemoveAll<IIdempotencyStore>();
            services.AddSingleton<IIdempotencyStore>(static provider => provider.GetRequiredService<RedisIdempotencyStore>());

            // The durable queue and dead letters replace the defaults only when opted in; the choice is made when the
            // options are known (they may be configured after this call), from the registration that was there before.
            ReplaceWhenDurable<IWebhookQueue, RedisStreamWebhookQueue>(services);
            ReplaceWhenDurable<IDeadLetterStore, RedisDeadLetterStore>(services);
            ReplaceDefaultJournal(services);
        }

        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }

    private static void ReplaceWhenDurable<TService, TDurable>(IServiceCollection services)
        where TService : class
        where TDurable : class, TService
    {
        var fallback = services.LastOrDefault(static descriptor => descriptor.ServiceType == typeof(TService) && !descriptor.IsKeyedService);
        services.RemoveAll<TService>();
        services.AddSingleton<TService>(provider =>
            provider.GetRequiredService<IOptions<RedisWebhookOptions>>().Value.DurableQueue
                ? provider.GetRequiredService<TDurable>()
                : Create<TService>(provider, fallback));
    }

    /// <summary>
    /// The shared journal takes the place of the core's in-memory one only: a journal the app registered (before
    /// <c>AddWebhooks()</c>, or between it and this call) stays, and one registered later wins as usual.
    /// </summary>
    private static void ReplaceDefaultJournal(IServiceCollection services)
    {
        var current = services.LastOrDefault(static descriptor => descriptor.ServiceType == typeof(IWebhookJournal) && !descriptor.IsKeyedService);
        if (current is null || !IsCoreDefault(current))
        {
            return;
        }

        services.Remove(current);
        services.AddSingleton<IWebhookJournal>(provider =>
            provider.GetRequiredService<IOptions<RedisWebhookOptions>>().Value.SharedJournal
                ? provider.GetRequiredService<RedisWebhookJournal>()
                : ServiceDescriptorActivator.Create<IWebhookJournal>(provider, current));
    }

    /// <summary>
    /// Whether <paramref name="descriptor"/> is <c>AddWebhooks()</c>'s own registration: a journal of the core's that an
    /// app cannot name (not public), so no app registered it. Not its name: a rename must not keep the default silently.
    /// </summary>
    private static bool IsCoreDefault(ServiceDescriptor descriptor) =>
        descriptor.ImplementationType is { IsVisible: false } type
        && type.Assembly == typeof(IWebhookJournal).Assembly;

    private static TService Create<TService>(IServiceProvider provider, ServiceDescriptor? descriptor)
        where TService : class
    {
        if (descriptor is null)
        {
            throw new InvalidOperationException($"No {typeof(TService).Name} is registered. Call AddRedis() on the builder returned by AddWebhooks().");
        }

        return ServiceDescriptorActivator.Create<TService>(provider, descriptor);
    }

    private static RedisCacheOptions Copy(RedisCacheOptions source) => new()
    {
        Configuration = source.Configuration,
        ConfigurationOptions = source.ConfigurationOptions?.Clone(),
        ConnectionMultiplexerFactory = source.ConnectionMultiplexerFactory,
        InstanceName = source.InstanceName,
        ProfilingSession = source.ProfilingSession,
    };
}
