using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.Razorpay;

/// <summary>
/// Verifies Razorpay webhooks anywhere, with the code the Razorpay receiver runs: <c>X-Razorpay-Signature</c> = hex
/// HMAC-SHA256(webhook secret, raw body) against every secret, in constant time. Razorpay signs no timestamp:
/// deduplication is the only replay defence. Thread-safe: build one and share it.
/// </summary>
public sealed class RazorpayWebhookVerifier
{
    internal const string SignatureHeader = "X-Razorpay-Signature";

    private readonly RawBodySignatureHeader _header;

    /// <summary>Initializes a verifier with the webhook secrets of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    public RazorpayWebhookVerifier(RazorpayWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _header = new RawBodySignatureHeader(SignatureHeader, "", base64: false, HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, options.Secrets));
    }

    /// <summary>Verifies a webhook: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[SignatureMath.Sha256Length];
        return Verify(headers, body, mac);
    }

    /// <summary>As <see cref="Verify(IHeaderDictionary, ReadOnlySpan{byte})"/>; the verified MAC is left in <paramref name="mac"/> (32 bytes) for the body-digest claim.</summary>
    internal WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, Span<byte> mac) => _header.Verify(headers, body, mac);
}
