using System.Text;

namespace WebhookKit.Testing;

/// <summary>Posts a Shopify delivery.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>Posts a Shopify delivery signed with <c>X-Shopify-Hmac-Sha256</c>.</summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="topic">The <c>X-Shopify-Topic</c> (the event type), for example <c>orders/create</c>.</param>
    /// <param name="payload">The JSON payload.</param>
    /// <param name="secret">The app's client secret the receiver is configured with.</param>
    /// <param name="webhookId">The <c>X-Shopify-Webhook-Id</c> (the event id); a new GUID when <see langword="null"/>.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostShopifyWebhookAsync(
        this HttpClient client,
        string topic,
        string payload,
        string secret,
        string? webhookId = null,
        string path = "/webhooks/shopify",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(topic);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var signature = WebhookSigner.Shopify(secret).Sign(body);
        var request = Json(path, body);
        request.Headers.Add(ShopifySigner.TopicHeader, topic);
        request.Headers.Add(ShopifySigner.WebhookIdHeader, webhookId ?? Guid.NewGuid().ToString());
        request.Headers.Add(ShopifySigner.SignatureHeader, signature);
        return SendAsync(client, request, cancellationToken);
    }
}
