using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.Stripe;

/// <summary>
/// Verifies Stripe events anywhere, with the code the Stripe receiver runs: <c>Stripe-Signature: t=&lt;unix&gt;,v1=&lt;hex&gt;[,v1=…]</c>
/// over <c>"{t}.{raw body}"</c>, keyed with each whole <c>whsec_…</c> secret; any <c>v1</c> matching any secret is
/// accepted and other schemes (<c>v0</c>) are ignored; <c>t</c> must be within <see cref="StripeWebhookOptions.Tolerance"/>.
/// Thread-safe: build one and share it.
/// </summary>
public sealed class StripeWebhookVerifier
{
    internal const string SignatureHeader = "Stripe-Signature";

    private readonly HmacKeySet _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a verifier with the secrets and tolerance of <paramref name="options"/>, on the system clock.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    public StripeWebhookVerifier(StripeWebhookOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a verifier with the secrets and tolerance of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="timeProvider">The clock the signed timestamp is judged by.</param>
    public StripeWebhookVerifier(StripeWebhookOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, options.Secrets);
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
    }

    /// <summary>Verifies an event: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!SignatureMath.TryGetSingle(headers[SignatureHeader], out var header))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, "Stripe-Signature missing or repeated");
        }

        if (!TryParseTimestamp(header, out var timestampText, out var timestamp))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMalformed, "Stripe-Signature has no single numeric timestamp");
        }

        if (!WebhookSignature.IsWithinTolerance(timestamp, _timeProvider, _tolerance))
        {
            return WebhookSignature.StaleTimestamp;
        }

        // "{t}." then the body, hashed in sequence: no joined copy of the body.
        Span<byte> prefix = stackalloc byte[WebhookSignature.MaxTimestampDigits + 1];
        SignatureMath.TryWriteAscii(timestampText, prefix, out var written);
        prefix[written++] = (byte)'.';
        return SignatureList.MatchesAny(_keys, header, ',', "v1=", base64: false, trimEntries: true, prefix[..written], body)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, _keys.NoMatchReason("every v1 signature of Stripe-Signature"));
    }

    private static bool TryParseTimestamp(string header, out ReadOnlySpan<char> text, out long value)
    {
        text = default;
        value = 0;
        var found = false;
        var span = header.AsSpan();
        foreach (var range in span.Split(','))
        {
            var item = span[range].Trim();
            if (!item.StartsWith("t=", StringComparison.Ordinal))
            {
                continue;
            }

            var digits = item[2..];
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
