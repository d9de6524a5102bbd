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

    private readonly TimestampedSignatureHeader _header;

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
        _header = new TimestampedSignatureHeader(SignatureHeader, ',', "t=", "v1=", '.', HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, options.Secrets), options.Tolerance, timeProvider);
    }

    /// <summary>Verifies an event: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body) => _header.Verify(headers, body);
}
