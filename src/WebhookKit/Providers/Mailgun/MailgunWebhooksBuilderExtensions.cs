using Microsoft.Extensions.Options;
using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.Mailgun;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Mailgun receivers (JSON webhooks, and routes that forward messages as form posts).</summary>
public static class MailgunWebhooksBuilderExtensions
{
    /// <summary>The name of the default Mailgun receiver, served at <c>/webhooks/mailgun</c> and bound from <c>Webhooks:Mailgun</c>.</summary>
    public const string DefaultReceiverName = "mailgun";

    /// <summary>The event type of a message a route forwards (a form post without an <c>event</c> field), bound to <see cref="MailgunInboundMessage"/>.</summary>
    public const string InboundEventType = MailgunWebhookProvider.InboundEventType;

    /// <summary>Adds the default Mailgun receiver, configured from <c>Webhooks:Mailgun</c> (for example <c>Webhooks:Mailgun:Secrets:0</c>, the HTTP webhook signing key).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddMailgun(this IWebhooksBuilder builder) => builder.AddMailgun(DefaultReceiverName, null);

    /// <summary>Adds the default Mailgun receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddMailgun(this IWebhooksBuilder builder, Action<MailgunWebhookOptions> configure) =>
        builder.AddMailgun(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named Mailgun receiver (for example one per account), served at <c>/webhooks/{receiverName}</c> with its
    /// own signing keys, bound from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddMailgun(this IWebhooksBuilder builder, string receiverName, Action<MailgunWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var configurationKey = WebhooksBuilderExtensions.ConfigurationKey(receiverName);
        var options = builder.Services.AddOptions<MailgunWebhookOptions>(receiverName)
            .BindConfiguration(configurationKey)
            .Validate<IOptionsMonitor<WebhookOptions>>(
                static (receiver, webhooks) => MailgunWebhookOptions.KeepsTokensLongEnough(receiver.Tolerance, webhooks.CurrentValue.RetentionDuration),
                MailgunWebhookOptions.RetentionTooShortError(receiverName, configurationKey));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (services, receiverOptions) => new MailgunWebhookProvider(receiverOptions, services.GetRequiredService<TimeProvider>()),
            MailgunWebhookProvider.ProviderName,
            CreatePayloadBindings);
    }

    private static WebhookPayloadBinding[] CreatePayloadBindings()
    {
        const string mailgun = MailgunWebhookProvider.ProviderName;
        var context = MailgunJsonContext.Default;
        return
        [
            new WebhookPayloadBinding<MailgunInboundMessage>(mailgun, MailgunWebhookProvider.InboundEventType, context.MailgunInboundMessage),
            new WebhookPayloadBinding<MailgunWebhook>(mailgun, null, context.MailgunWebhook),
        ];
    }
}
