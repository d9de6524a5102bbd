using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.SendGrid;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds SendGrid Event Webhook receivers.</summary>
public static class SendGridWebhooksBuilderExtensions
{
    /// <summary>The name of the default SendGrid receiver, served at <c>/webhooks/sendgrid</c> and bound from <c>Webhooks:SendGrid</c>.</summary>
    public const string DefaultReceiverName = "sendgrid";

    /// <summary>The event type of every SendGrid delivery, a batch of events (<see cref="SendGridEventBatch"/>).</summary>
    public const string BatchEventType = SendGridWebhookProvider.BatchEventType;

    /// <summary>Adds the default SendGrid receiver, configured from <c>Webhooks:SendGrid</c> (for example <c>Webhooks:SendGrid:PublicKeys:0</c>, the verification key).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddSendGrid(this IWebhooksBuilder builder) => builder.AddSendGrid(DefaultReceiverName, null);

    /// <summary>Adds the default SendGrid receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddSendGrid(this IWebhooksBuilder builder, Action<SendGridWebhookOptions> configure) =>
        builder.AddSendGrid(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named SendGrid receiver (for example one per SendGrid account or subuser), served at
    /// <c>/webhooks/{receiverName}</c> with its own verification keys, bound from <c>Webhooks:{receiverName}</c> and then
    /// configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddSendGrid(this IWebhooksBuilder builder, string receiverName, Action<SendGridWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<SendGridWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (services, receiverOptions) => new SendGridWebhookProvider(receiverOptions, services.GetRequiredService<TimeProvider>()),
            SendGridWebhookProvider.ProviderName,
            static () => [new WebhookPayloadBinding<SendGridEventBatch>(SendGridWebhookProvider.ProviderName, null, SendGridJsonContext.Default.SendGridEventBatch)]);
    }
}
