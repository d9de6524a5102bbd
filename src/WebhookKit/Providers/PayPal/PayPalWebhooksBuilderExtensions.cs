using Microsoft.Extensions.Logging;
using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.PayPal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds PayPal webhook receivers.</summary>
public static class PayPalWebhooksBuilderExtensions
{
    /// <summary>The name of the default PayPal receiver, served at <c>/webhooks/paypal</c> and bound from <c>Webhooks:PayPal</c>.</summary>
    public const string DefaultReceiverName = "paypal";

    /// <summary>
    /// The name of the <see cref="System.Net.Http.HttpClient"/> PayPal's certificates are fetched with
    /// (<c>IHttpClientFactory</c>). Its handler follows no redirects; configure it further with
    /// <c>services.AddHttpClient(CertificateHttpClientName)</c> (a proxy, or a test server's TLS certificate).
    /// </summary>
    public const string CertificateHttpClientName = PayPalCertificateClient.Name;

    /// <summary>Adds the default PayPal receiver, configured from <c>Webhooks:PayPal</c> (for example <c>Webhooks:PayPal:WebhookId</c>).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddPayPal(this IWebhooksBuilder builder) => builder.AddPayPal(DefaultReceiverName, null);

    /// <summary>Adds the default PayPal receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddPayPal(this IWebhooksBuilder builder, Action<PayPalWebhookOptions> configure) =>
        builder.AddPayPal(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named PayPal receiver (for example one per webhook, live and sandbox), served at
    /// <c>/webhooks/{receiverName}</c> with its own webhook id, bound from <c>Webhooks:{receiverName}</c> and then
    /// configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddPayPal(this IWebhooksBuilder builder, string receiverName, Action<PayPalWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        builder.Services.AddHttpClient(CertificateHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) });
        var options = builder.Services.AddOptions<PayPalWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            (services, receiverOptions) => new PayPalWebhookProvider(
                receiverOptions,
                services.GetRequiredService<IHttpClientFactory>(),
                services.GetRequiredService<TimeProvider>(),
                services.GetService<ILoggerFactory>()?.CreateLogger("WebhookKit.PayPal"),
                receiverName),
            PayPalWebhookProvider.ProviderName,
            static () => [new WebhookPayloadBinding<PayPalEvent>(PayPalWebhookProvider.ProviderName, null, PayPalJsonContext.Default.PayPalEvent)]);
    }
}
