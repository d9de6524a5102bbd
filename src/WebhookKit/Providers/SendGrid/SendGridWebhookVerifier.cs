using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using WebhookKit.Verification;

namespace WebhookKit.SendGrid;

/// <summary>
/// Verifies SendGrid Event Webhook requests anywhere, with the code the SendGrid receiver runs:
/// <c>X-Twilio-Email-Event-Webhook-Signature</c> is a base64 DER ECDSA P-256 signature, with SHA-256, of the
/// <c>X-Twilio-Email-Event-Webhook-Timestamp</c> value followed by the raw body, checked against every configured
/// public key; the timestamp must be within <see cref="SendGridWebhookOptions.Tolerance"/>. The keys are imported once,
/// here. Thread-safe: build one and share it.
/// </summary>
public sealed class SendGridWebhookVerifier
{
    internal const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    internal const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    /// <summary>The longest DER ECDSA P-256 signature: a SEQUENCE of two INTEGERs of at most 33 bytes each.</summary>
    internal const int MaxSignatureBytes = 72;

    /// <summary>The base64 length of <see cref="MaxSignatureBytes"/>: a longer header is refused before it is decoded.</summary>
    private const int MaxSignatureChars = ((MaxSignatureBytes + 2) / 3) * 4;

    private readonly ECDsa[] _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a verifier with the public keys and tolerance of <paramref name="options"/>, on the system clock.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <exception cref="ArgumentException">A key of <see cref="SendGridWebhookOptions.PublicKeys"/> is not a P-256 public key.</exception>
    public SendGridWebhookVerifier(SendGridWebhookOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a verifier with the public keys and tolerance of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="timeProvider">The clock the request timestamp is judged by.</param>
    /// <exception cref="ArgumentException">A key of <see cref="SendGridWebhookOptions.PublicKeys"/> is not a P-256 public key.</exception>
    public SendGridWebhookVerifier(SendGridWebhookOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var keys = new ECDsa[options.PublicKeys.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            // The message names the position, never the key.
            keys[i] = SendGridPublicKey.TryImport(options.PublicKeys[i], out var key)
                ? key!
                : throw new ArgumentException($"PublicKeys[{i}] is not a base64 DER (SubjectPublicKeyInfo) P-256 public key.", nameof(options));
        }

        _keys = keys;
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
    }

    /// <summary>Verifies a request: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        const string Missing = "X-Twilio-Email-Event-Webhook-Signature or -Timestamp missing or repeated";
        if (!SignatureMath.TryGetSingle(headers[SignatureHeader], out var signature))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, Missing);
        }

        if (!SignatureMath.TryGetSingle(headers[TimestampHeader], out var timestamp))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMissing, Missing);
        }

        if (!WebhookSignature.TryParseUnixSeconds(timestamp, out var signedAt))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMalformed, "X-Twilio-Email-Event-Webhook-Timestamp is not a number");
        }

        if (!WebhookSignature.IsWithinTolerance(signedAt, _timeProvider, _tolerance))
        {
            return WebhookVerificationResult.OutsideTolerance(signedAt, _timeProvider, _tolerance);
        }

        const string Refused = "X-Twilio-Email-Event-Webhook-Signature malformed or not matching";
        Span<byte> presented = stackalloc byte[MaxSignatureBytes];
        if (signature.Length > MaxSignatureChars || !Convert.TryFromBase64Chars(signature, presented, out var signatureLength) || signatureLength == 0)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, Refused);
        }

        // The signed content is the timestamp's UTF-8 bytes (digits only, checked above), then the body. It is hashed
        // in sequence, not joined in a copy, and verified with VerifyHash: what VerifyData(timestamp + body, SHA256)
        // does after hashing, with one hash for every key.
        Span<byte> prefix = stackalloc byte[WebhookSignature.MaxTimestampDigits];
        SignatureMath.TryWriteAscii(timestamp, prefix, out var prefixLength);
        Span<byte> hash = stackalloc byte[SignatureMath.Sha256Length];
        using (var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            sha256.AppendData(prefix[..prefixLength]);
            sha256.AppendData(body);
            sha256.GetHashAndReset(hash);
        }

        return MatchesAny(hash, presented[..signatureLength])
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, Refused);
    }

    private bool MatchesAny(ReadOnlySpan<byte> hash, ReadOnlySpan<byte> signature)
    {
        var match = false;
        foreach (var key in _keys)
        {
            try
            {
                // Public keys and a public signature: nothing secret to time, but every key is tried all the same.
                match |= key.VerifyHash(hash, signature, DSASignatureFormat.Rfc3279DerSequence);
            }
            catch (CryptographicException)
            {
                // A signature that is not DER: not a match for this key, nor for any other.
            }
        }

        return match;
    }
}
