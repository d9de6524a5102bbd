using System.Security.Cryptography;
using System.Text;
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
    private const string SignatureHeader = "X-Shopify-Hmac-Sha256";
    private const string TopicHeader = "X-Shopify-Topic";
    private const string WebhookIdHeader = "X-Shopify-Webhook-Id";
    private const string EventIdHeader = "X-Shopify-Event-Id";

    private static readonly string[] Forwarded =
        [TopicHeader, WebhookIdHeader, EventIdHeader, "X-Shopify-Shop-Domain", "X-Shopify-API-Version", "X-Shopify-Triggered-At", "X-Shopify-Sub-Topic", "X-Shopify-Name"];

    private readonly byte[][] _keys;

    public ShopifyWebhookProvider(ShopifyWebhookOptions options) =>
        _keys = [.. options.Secrets.Select(Encoding.UTF8.GetBytes)];

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        if (!SignatureMath.TryGetSingle(headers[SignatureHeader], out var signature) || !Verify(signature, request.Body.Span))
        {
            return WebhookProviderResult.Unauthorized("X-Shopify-Hmac-Sha256 missing, malformed or not matching");
        }

        if (!SignatureMath.TryGetSingle(headers[WebhookIdHeader], out var eventId)
            && !SignatureMath.TryGetSingle(headers[EventIdHeader], out eventId))
        {
            return WebhookProviderResult.BadRequest("X-Shopify-Webhook-Id and X-Shopify-Event-Id missing or repeated");
        }

        // The id and topic headers are not covered by the signature: the receive path also claims the body.
        return SignatureMath.TryGetSingle(headers[TopicHeader], out var topic)
            ? WebhookProviderResult.Accepted(eventId, topic, null, eventIdSigned: false, Convert.FromBase64String(signature))
            : WebhookProviderResult.BadRequest("X-Shopify-Topic missing or repeated");
    }

    private bool Verify(string header, ReadOnlySpan<byte> body)
    {
        Span<byte> presented = stackalloc byte[SignatureMath.Sha256Length];
        if (!SignatureMath.TryDecodeBase64(header, presented))
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SignatureMath.Sha256Length];
        var match = false;
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, body, expected);
            match |= CryptographicOperations.FixedTimeEquals(presented, expected);
        }

        return match;
    }
}
