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

    private readonly TimestampedSignatureHeader _header;

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
        _header = new TimestampedSignatureHeader(SignatureHeader, ';', "ts=", "h1=", ':', HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, options.Secrets), options.Tolerance, timeProvider);
    }

    /// <summary>Verifies a webhook: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body) => _header.Verify(headers, body);
}
