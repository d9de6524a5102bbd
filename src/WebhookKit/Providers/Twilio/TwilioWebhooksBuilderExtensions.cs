using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.Twilio;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Twilio receivers (status callbacks, incoming messages and other acknowledge-only webhooks).</summary>
public static class TwilioWebhooksBuilderExtensions
{
    /// <summary>The name of the default Twilio receiver, served at <c>/webhooks/twilio</c> and bound from <c>Webhooks:Twilio</c>.</summary>
    public const string DefaultReceiverName = "twilio";

    /// <summary>Adds the default Twilio receiver, configured from <c>Webhooks:Twilio</c> (for example <c>Webhooks:Twilio:Secrets:0</c>, the auth token).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddTwilio(this IWebhooksBuilder builder) => builder.AddTwilio(DefaultReceiverName, null);

    /// <summary>Adds the default Twilio receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddTwilio(this IWebhooksBuilder builder, Action<TwilioWebhookOptions> configure) =>
        builder.AddTwilio(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named Twilio receiver (for example one per account), served at <c>/webhooks/{receiverName}</c> with its
    /// own auth tokens, bound from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>.
    /// Outside the Development environment the receiver needs <see cref="TwilioWebhookOptions.PublicBaseUrl"/>
    /// (<c>Webhooks:{receiverName}:PublicBaseUrl</c>), or the application fails at startup.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddTwilio(this IWebhooksBuilder builder, string receiverName, Action<TwilioWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<TwilioWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        builder.Services.AddSingleton<IValidateOptions<TwilioWebhookOptions>>(services =>
            new TwilioPublicBaseUrlValidator(receiverName, WebhooksBuilderExtensions.ConfigurationKey(receiverName), services.GetService<IHostEnvironment>()));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (_, receiverOptions) => new TwilioWebhookProvider(receiverOptions),
            TwilioWebhookProvider.ProviderName,
            static () => [new WebhookPayloadBinding<TwilioEvent>(TwilioWebhookProvider.ProviderName, null, TwilioJsonContext.Default.TwilioEvent)]);
    }
}
