using WebhookKit.Verification;

namespace WebhookKit.Shopify;

/// <summary>
/// Shopify: <c>X-Shopify-Hmac-Sha256</c> = base64 HMAC-SHA256(client secret, raw body), no timestamp. Id from
/// <c>X-Shopify-Webhook-Id</c> (one per delivery, repeated on retries), else <c>X-Shopify-Event-Id</c>; type from
/// <c>X-Shopify-Topic</c>, for example <c>orders/create</c>.
/// </summary>
internal sealed class ShopifyWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "shopify";
    private const string SignatureHeader = ShopifyWebhookVerifier.SignatureHeader;
    private const string TopicHeader = "X-Shopify-Topic";
    private const string WebhookIdHeader = "X-Shopify-Webhook-Id";
    private const string EventIdHeader = "X-Shopify-Event-Id";

    private static readonly string[] Forwarded =
        [TopicHeader, WebhookIdHeader, EventIdHeader, "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Triggered-At", "X-Shopify-Sub-Topic", "X-Shopify-Name"];

    private readonly ShopifyWebhookVerifier _verifier;

    public ShopifyWebhookProvider(ShopifyWebhookOptions options) =>
        _verifier = new ShopifyWebhookVerifier(options);

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;

        // The verified MAC identifies the body for the receive path's body-digest claim (no second hash of the body).
        Span<byte> mac = stackalloc byte[SignatureMath.Sha256Length];
        var verified = _verifier.Verify(headers, request.Body.Span, mac);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        if (!SignatureMath.TryGetSingle(headers[WebhookIdHeader], out var eventId)
            && !SignatureMath.TryGetSingle(headers[EventIdHeader], out eventId))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventIdMissing, "X-Shopify-Webhook-Id and X-Shopify-Event-Id missing or repeated");
        }

        // The id and topic headers are not covered by the signature: the receive path also claims the body.
        return SignatureMath.TryGetSingle(headers[TopicHeader], out var topic)
            ? WebhookProviderResult.Accepted(eventId, topic, null, eventIdSigned: false, mac.ToArray())
            : WebhookProviderResult.BadRequest(WebhookRejectionReason.EventTypeMissing, "X-Shopify-Topic missing or repeated");
    }
}
