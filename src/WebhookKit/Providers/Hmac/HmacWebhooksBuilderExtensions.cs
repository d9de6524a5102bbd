using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.Hmac;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds generic HMAC receivers, for senders without a built-in provider (an in-house service, a smaller SaaS).</summary>
public static class HmacWebhooksBuilderExtensions
{
    /// <summary>
    /// Adds a generic HMAC receiver, served at <c>/webhooks/{receiverName}</c>, bound from <c>Webhooks:{receiverName}</c>
    /// and then configured by <paramref name="configure"/>. Its provider name is <c>hmac</c> (for <c>AddPayloadType</c>).
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddWebhooks().AddHmac("billing", o =>
    /// {
    ///     o.Secrets.Add(builder.Configuration["BillingWebhookSecret"]!);
    ///     o.SignatureHeader = "X-Billing-Signature";   // hex HMAC-SHA256 by default
    ///     o.SignaturePrefix = "sha256=";
    ///     o.TimestampHeader = "X-Billing-Timestamp";   // signs "{timestamp}.{body}"
    ///     o.EventIdProperty = "id";
    ///     o.EventTypeProperty = "type";
    /// });
    /// </code>
    /// </example>
    public static IWebhooksBuilder AddHmac(this IWebhooksBuilder builder, string receiverName, Action<HmacWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<HmacWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (services, receiverOptions) => new HmacWebhookProvider(receiverOptions, services.GetRequiredService<TimeProvider>()),
            HmacWebhookProvider.ProviderName,
            static () => [new WebhookPayloadBinding<HmacEvent>(HmacWebhookProvider.ProviderName, null, HmacJsonContext.Default.HmacEvent, static () => HmacEvent.NotJson)]);
    }
}
