using System.Security.Cryptography;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>
/// Signs bodies as Shopify does: <c>X-Shopify-Hmac-Sha256: &lt;base64 HMAC-SHA256&gt;</c> of the raw body, keyed with the
/// app's client secret. Shopify signs no timestamp, and neither the topic nor the webhook id.
/// </summary>
public sealed class ShopifySigner
{
    private readonly byte[] _key;

    internal ShopifySigner(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _key = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "X-Shopify-Hmac-Sha256";

    /// <summary>The header that carries the topic (the event type), for example <c>orders/create</c>.</summary>
    public const string TopicHeader = "X-Shopify-Topic";

    /// <summary>The header that carries the webhook id (the event id), the same on Shopify's retries.</summary>
    public const string WebhookIdHeader = "X-Shopify-Webhook-Id";

    /// <summary>Computes the <c>X-Shopify-Hmac-Sha256</c> value for a body.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The base64 HMAC-SHA256.</returns>
    public string Sign(ReadOnlySpan<byte> body) => Convert.ToBase64String(HMACSHA256.HashData(_key, body));
}
