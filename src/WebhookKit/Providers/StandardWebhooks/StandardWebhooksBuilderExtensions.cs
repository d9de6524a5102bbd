using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.StandardWebhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Standard Webhooks receivers (any sender that follows the Standard Webhooks specification, and Svix).</summary>
public static class StandardWebhooksBuilderExtensions
{
    /// <summary>The name of the default receiver, served at <c>/webhooks/standardwebhooks</c> and bound from <c>Webhooks:StandardWebhooks</c>.</summary>
    public const string DefaultReceiverName = "standardwebhooks";

    /// <summary>Adds the default Standard Webhooks receiver, configured from <c>Webhooks:StandardWebhooks</c> (for example <c>Webhooks:StandardWebhooks:Secrets:0</c>).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddStandardWebhooks(this IWebhooksBuilder builder) => builder.AddStandardWebhooks(DefaultReceiverName, null);

    /// <summary>Adds the default Standard Webhooks receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddStandardWebhooks(this IWebhooksBuilder builder, Action<StandardWebhooksWebhookOptions> configure) =>
        builder.AddStandardWebhooks(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named Standard Webhooks receiver (for example one per Svix application), served at
    /// <c>/webhooks/{receiverName}</c> with its own secrets, bound from <c>Webhooks:{receiverName}</c> and then
    /// configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddStandardWebhooks(this IWebhooksBuilder builder, string receiverName, Action<StandardWebhooksWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<StandardWebhooksWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (services, receiverOptions) => new StandardWebhooksProvider(receiverOptions, services.GetRequiredService<TimeProvider>()),
            StandardWebhooksProvider.ProviderName,
            static () => [new WebhookPayloadBinding<StandardWebhooksEvent>(StandardWebhooksProvider.ProviderName, null, StandardWebhooksJsonContext.Default.StandardWebhooksEvent)]);
    }
}
