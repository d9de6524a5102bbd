using WebhookKit;
using WebhookKit.Dispatch;
using WebhookKit.Shopify;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Shopify receivers.</summary>
public static class ShopifyWebhooksBuilderExtensions
{
    /// <summary>The name of the default Shopify receiver, served at <c>/webhooks/shopify</c> and bound from <c>Webhooks:Shopify</c>.</summary>
    public const string DefaultReceiverName = "shopify";

    /// <summary>The order topics bound to <see cref="ShopifyOrder"/>.</summary>
    private static readonly string[] OrderTopics =
        ["orders/create", "orders/updated", "orders/paid", "orders/cancelled", "orders/fulfilled", "orders/partially_fulfilled"];

    /// <summary>Adds the default Shopify receiver, configured from <c>Webhooks:Shopify</c> (for example <c>Webhooks:Shopify:Secrets:0</c>, the app's client secret).</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddShopify(this IWebhooksBuilder builder) => builder.AddShopify(DefaultReceiverName, null);

    /// <summary>Adds the default Shopify receiver and configures it in code, after configuration binding.</summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="configure">Configures the receiver.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddShopify(this IWebhooksBuilder builder, Action<ShopifyWebhookOptions> configure) =>
        builder.AddShopify(DefaultReceiverName, configure);

    /// <summary>
    /// Adds a named Shopify receiver (for example one per app), served at <c>/webhooks/{receiverName}</c> with its own
    /// secrets, bound from <c>Webhooks:{receiverName}</c> and then configured by <paramref name="configure"/>.
    /// </summary>
    /// <param name="builder">The WebhookKit builder.</param>
    /// <param name="receiverName">The receiver name: letters, digits, '-', '_' or '.'.</param>
    /// <param name="configure">Configures the receiver, or <see langword="null"/> to use configuration only.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IWebhooksBuilder AddShopify(this IWebhooksBuilder builder, string receiverName, Action<ShopifyWebhookOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        WebhooksBuilderExtensions.ValidateReceiverName(receiverName);
        var options = builder.Services.AddOptions<ShopifyWebhookOptions>(receiverName)
            .BindConfiguration(WebhooksBuilderExtensions.ConfigurationKey(receiverName));
        return WebhooksBuilderExtensions.AddBuiltInReceiver(
            builder,
            receiverName,
            options,
            configure,
            static (_, receiverOptions) => new ShopifyWebhookProvider(receiverOptions),
            ShopifyWebhookProvider.ProviderName,
            CreatePayloadBindings);
    }

    private static WebhookPayloadBinding[] CreatePayloadBindings()
    {
        const string shopify = ShopifyWebhookProvider.ProviderName;
        var context = ShopifyJsonContext.Default;
        return
        [
            .. OrderTopics.Select(topic => new WebhookPayloadBinding<ShopifyOrder>(shopify, topic, context.ShopifyOrder)),
            new WebhookPayloadBinding<ShopifyEvent>(shopify, null, context.ShopifyEvent),
        ];
    }
}
