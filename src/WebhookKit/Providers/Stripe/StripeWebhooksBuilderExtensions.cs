using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.Stripe;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Stripe receivers.</summary>
public static class StripeWebhooksBuilderExtensions
{
    /// <summary>The name of the default Stripe receiver, served at <c>/webhooks/stripe</c> and bound from <c>Webhooks:Stripe</c>.</summary>
    public const string DefaultReceiverName = "stripe";

    /// <summary>Adds the default Stripe receiver, configured from <c>Webhooks:Stripe</c> (for example <c>Webhooks:Stripe:Secrets:0</c>).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddStripe(this IWebhooksBuilder builder) => builder.AddStripe(DefaultReceiverName, null);

    /// <summary>Adds the default Stripe receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddStripe(this IWebhooksBuilder builder, Action<StripeWebhookOptions> configure) =>
        builder.AddStripe(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named Stripe receiver, served at <c>/webhooks/{receiverName}</c> with its own secrets, bound
    /// from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddStripe(this IWebhooksBuilder builder, string receiverName, Action<StripeWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<StripeWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (services, receiverOptions) => new StripeWebhookProvider(receiverOptions, services.GetRequiredService<TimeProvider>()),
            StripeWebhookProvider.ProviderName,
            static () => [new WebhookPayloadBinding<StripeEvent>(StripeWebhookProvider.ProviderName, null, StripeJsonContext.Default.StripeEvent)]);
    }
}
