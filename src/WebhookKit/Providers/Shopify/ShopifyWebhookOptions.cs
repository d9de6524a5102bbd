namespace WebhookKit.Shopify;

/// <summary>
/// Options of a Shopify receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:Shopify</c> by default).
/// <see cref="WebhookReceiverOptions.Secrets"/> holds the app's client secret; while Shopify rotates it, configure the
/// old and the new one and either is accepted.
/// </summary>
public sealed class ShopifyWebhookOptions : WebhookReceiverOptions;
