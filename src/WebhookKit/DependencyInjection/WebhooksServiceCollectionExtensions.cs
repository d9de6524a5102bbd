using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookKit;
using WebhookKit.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Internal;
using WebhookKit.Receiving;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds WebhookKit to a service collection.</summary>
public static class WebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Adds WebhookKit's services, binds <see cref="WebhookOptions"/> from the <c>Webhooks</c> configuration
    /// section and validates them at startup. The in-memory idempotency store, queue and dead-letter store
    /// are registered only if no other implementation is, so they can be replaced.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add receivers and handlers to.</returns>
    public static IWebhooksBuilder AddWebhooks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        if (!services.Any(descriptor => descriptor.ServiceType == typeof(WebhookRequestProcessor)))
        {
            services.AddOptions<WebhookOptions>()
                .BindConfiguration(WebhookOptions.SectionName)
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsRulesValidator>());

            services.AddLogging();
            services.AddMetrics();
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<IIdempotencyStore, InMemoryIdempotencyStore>();
            services.TryAddSingleton<IWebhookQueue, InMemoryWebhookQueue>();
            services.TryAddSingleton<IDeadLetterStore, InMemoryDeadLetterStore>();
            services.TryAddSingleton<WebhookKit.Journal.IWebhookJournal, WebhookKit.Journal.InMemoryWebhookJournal>();
            services.AddSingleton<WebhookKit.Journal.WebhookJournalRecorder>();

            services.AddSingleton<ClaimLeaseRenewer>();
            services.AddSingleton<WebhookDeliveryFactory>();
            services.AddSingleton<WebhookMetrics>();
            services.AddSingleton(static provider => new UnverifiedBodyBudget(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.MaxUnverifiedBytes));
            services.AddSingleton<WebhookHealthState>();
            services.AddSingleton<WebhookPayloadRegistry>();
            services.AddSingleton<WebhookReceiverRegistry>();
            services.AddSingleton<WebhookRequestProcessor>();
            services.AddSingleton<WebhookDispatcher>();
            services.AddHostedService(static provider => provider.GetRequiredService<WebhookDispatcher>());
            services.AddSingleton<WebhookRoutes>();
            services.AddHostedService<WebhookStartupReport>();
        }

        return new WebhooksBuilder(services);
    }

    /// <summary>Adds WebhookKit's services and configures <see cref="WebhookOptions"/> in code, after configuration binding.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>A builder to add receivers and handlers to.</returns>
    public static IWebhooksBuilder AddWebhooks(this IServiceCollection services, Action<WebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddWebhooks();
        services.Configure(configure);
        return builder;
    }
}
