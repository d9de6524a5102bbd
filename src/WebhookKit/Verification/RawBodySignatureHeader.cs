using Microsoft.AspNetCore.Http;

namespace WebhookKit.Verification;

/// <summary>
/// One header holding an HMAC-SHA256 of the raw body, hex or base64, perhaps after a fixed prefix, as Shopify, Razorpay
/// and Bitbucket send it: tried against every key in constant time. Their public verifiers are this with their names;
/// the verified MAC is left for the body-digest claim.
/// </summary>
internal sealed class RawBodySignatureHeader
{
    private readonly string _headerName;
    private readonly string _prefix;
    private readonly bool _base64;
    private readonly HmacKeySet _keys;
    private readonly string _missing;
    private readonly string _malformed;

    /// <param name="headerName">The header.</param>
    /// <param name="prefix">What precedes the MAC (<c>sha256=</c>), or empty.</param>
    /// <param name="base64">Whether the MAC is base64 (otherwise hex).</param>
    /// <param name="keys">The secrets' HMAC-SHA256 keys.</param>
    public RawBodySignatureHeader(string headerName, string prefix, bool base64, HmacKeySet keys)
    {
        _headerName = headerName;
        _prefix = prefix;
        _base64 = base64;
        _keys = keys;
        _missing = headerName + " missing or repeated";
        _malformed = base64 ? headerName + " malformed: not the base64 of 32 bytes"
            : prefix.Length > 0 ? $"{headerName} malformed: not '{prefix}' and 64 hex digits"
            : headerName + " malformed: not 64 hex digits";
    }

    /// <summary>Verifies the body; the presented MAC is left in <paramref name="mac"/> (32 bytes).</summary>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!SignatureMath.TryGetSingle(headers[_headerName], out var signature))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, _missing);
        }

        var encoded = signature.AsSpan();
        var decoded = encoded.StartsWith(_prefix, StringComparison.Ordinal)
            && (_base64 ? WebhookSignature.TryDecodeBase64(encoded[_prefix.Length..], mac) : WebhookSignature.TryDecodeHex(encoded[_prefix.Length..], mac));
        if (!decoded)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, _malformed);
        }

        return _keys.MatchesAny(mac, body)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, _keys.NoMatchReason(_headerName));
    }
}
