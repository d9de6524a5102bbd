using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.Paddle;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Paddle Billing receivers.</summary>
public static class PaddleWebhooksBuilderExtensions
{
    /// <summary>The name of the default Paddle receiver, served at <c>/webhooks/paddle</c> and bound from <c>Webhooks:Paddle</c>.</summary>
    public const string DefaultReceiverName = "paddle";

    /// <summary>The subscription events, bound to <see cref="PaddleSubscriptionEvent"/>.</summary>
    private static readonly string[] SubscriptionEvents =
        ["subscription.created", "subscription.updated", "subscription.activated", "subscription.trialing", "subscription.past_due", "subscription.paused", "subscription.resumed", "subscription.canceled", "subscription.imported"];

    /// <summary>The transaction events, bound to <see cref="PaddleTransactionEvent"/>.</summary>
    private static readonly string[] TransactionEvents =
        ["transaction.created", "transaction.updated", "transaction.ready", "transaction.billed", "transaction.paid", "transaction.completed", "transaction.canceled", "transaction.past_due", "transaction.payment_failed", "transaction.revised"];

    /// <summary>Adds the default Paddle receiver, configured from <c>Webhooks:Paddle</c> (for example <c>Webhooks:Paddle:Secrets:0</c>, the endpoint secret key).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddPaddle(this IWebhooksBuilder builder) => builder.AddPaddle(DefaultReceiverName, null);

    /// <summary>Adds the default Paddle receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddPaddle(this IWebhooksBuilder builder, Action<PaddleWebhookOptions> configure) =>
        builder.AddPaddle(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named Paddle receiver (for example one per notification destination), served at
    /// <c>/webhooks/{receiverName}</c> with its own secrets, bound from <c>Webhooks:{receiverName}</c> and then configured
    /// by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddPaddle(this IWebhooksBuilder builder, string receiverName, Action<PaddleWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<PaddleWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (services, receiverOptions) => new PaddleWebhookProvider(receiverOptions, services.GetRequiredService<TimeProvider>()),
            PaddleWebhookProvider.ProviderName,
            CreatePayloadBindings);
    }

    private static WebhookPayloadBinding[] CreatePayloadBindings()
    {
        const string paddle = PaddleWebhookProvider.ProviderName;
        var context = PaddleJsonContext.Default;
        return
        [
            .. SubscriptionEvents.Select(type => new WebhookPayloadBinding<PaddleSubscriptionEvent>(paddle, type, context.PaddleSubscriptionEvent)),
            .. TransactionEvents.Select(type => new WebhookPayloadBinding<PaddleTransactionEvent>(paddle, type, context.PaddleTransactionEvent)),
            new WebhookPayloadBinding<PaddleEvent>(paddle, null, context.PaddleEvent),
        ];
    }
}
