using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.Paddle;

/// <summary>
/// Verifies Paddle Billing webhooks anywhere, with the code the Paddle receiver runs:
/// <c>Paddle-Signature: ts=&lt;unix&gt;;h1=&lt;hex&gt;[;h1=…]</c> over <c>"{ts}:{raw body}"</c>, keyed with each endpoint
/// secret key; any <c>h1</c> matching any secret is accepted (Paddle sends one per secret while a key is rotated), every
/// one compared in constant time, and <c>ts</c> must be within <see cref="PaddleWebhookOptions.Tolerance"/>.
/// Thread-safe: build one and share it.
/// </summary>
public sealed class PaddleWebhookVerifier
{
    internal const string SignatureHeader = "Paddle-Signature";

    private readonly HmacKeySet _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a verifier with the secrets and tolerance of <paramref name="options"/>, on the system clock.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    public PaddleWebhookVerifier(PaddleWebhookOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a verifier with the secrets and tolerance of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="timeProvider">The clock the signed <c>ts</c> is judged by.</param>
    public PaddleWebhookVerifier(PaddleWebhookOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, options.Secrets);
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
    }

    /// <summary>Verifies a webhook: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!SignatureMath.TryGetSingle(headers[SignatureHeader], out var header))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, "Paddle-Signature missing or repeated");
        }

        if (!TryParseTimestamp(header, out var timestampText, out var timestamp))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMalformed, "Paddle-Signature has no single numeric ts");
        }

        if (!WebhookSignature.IsWithinTolerance(timestamp, _timeProvider, _tolerance))
        {
            return WebhookSignature.StaleTimestamp;
        }

        // "{ts}:" then the body, hashed in sequence: no joined copy of the body.
        Span<byte> prefix = stackalloc byte[WebhookSignature.MaxTimestampDigits + 1];
        SignatureMath.TryWriteAscii(timestampText, prefix, out var written);
        prefix[written++] = (byte)':';
        return SignatureList.MatchesAny(_keys, header, ';', "h1=", base64: false, trimEntries: true, prefix[..written], body)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, _keys.NoMatchReason("every h1 signature of Paddle-Signature"));
    }

    private static bool TryParseTimestamp(string header, out ReadOnlySpan<char> text, out long value)
    {
        text = default;
        value = 0;
        var found = false;
        var span = header.AsSpan();
        foreach (var range in span.Split(';'))
        {
            var item = span[range].Trim();
            if (!item.StartsWith("ts=", StringComparison.Ordinal))
            {
                continue;
            }

            var digits = item[3..];
            if (found || !WebhookSignature.TryParseUnixSeconds(digits, out value))
            {
                return false;
            }

            text = digits;
            found = true;
        }

        return found;
    }
}
