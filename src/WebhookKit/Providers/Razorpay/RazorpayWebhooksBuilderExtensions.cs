using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.Razorpay;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Razorpay receivers.</summary>
public static class RazorpayWebhooksBuilderExtensions
{
    /// <summary>The name of the default Razorpay receiver, served at <c>/webhooks/razorpay</c> and bound from <c>Webhooks:Razorpay</c>.</summary>
    public const string DefaultReceiverName = "razorpay";

    /// <summary>The events whose payload carries a payment entity, bound to <see cref="RazorpayPaymentEvent"/>.</summary>
    private static readonly string[] PaymentEvents = ["payment.authorized", "payment.captured", "payment.failed", "order.paid"];

    /// <summary>Adds the default Razorpay receiver, configured from <c>Webhooks:Razorpay</c> (for example <c>Webhooks:Razorpay:Secrets:0</c>, the webhook secret).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddRazorpay(this IWebhooksBuilder builder) => builder.AddRazorpay(DefaultReceiverName, null);

    /// <summary>Adds the default Razorpay receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddRazorpay(this IWebhooksBuilder builder, Action<RazorpayWebhookOptions> configure) =>
        builder.AddRazorpay(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named Razorpay receiver (for example one per account), served at <c>/webhooks/{receiverName}</c> with its
    /// own secrets, bound from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddRazorpay(this IWebhooksBuilder builder, string receiverName, Action<RazorpayWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<RazorpayWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (_, receiverOptions) => new RazorpayWebhookProvider(receiverOptions),
            RazorpayWebhookProvider.ProviderName,
            CreatePayloadBindings);
    }

    private static WebhookPayloadBinding[] CreatePayloadBindings()
    {
        const string razorpay = RazorpayWebhookProvider.ProviderName;
        var context = RazorpayJsonContext.Default;
        return
        [
            .. PaymentEvents.Select(type => new WebhookPayloadBinding<RazorpayPaymentEvent>(razorpay, type, context.RazorpayPaymentEvent)),
            new WebhookPayloadBinding<RazorpayEvent>(razorpay, null, context.RazorpayEvent),
        ];
    }
}
