using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.Slack;

/// <summary>
/// Verifies Slack requests (Events API, slash commands, interactivity) anywhere, with the code the Slack receiver runs:
/// <c>X-Slack-Signature: v0=&lt;hex&gt;</c> = HMAC-SHA256(signing secret, <c>v0:{X-Slack-Request-Timestamp}:{body}</c>)
/// against every secret, the timestamp within <see cref="SlackWebhookOptions.Tolerance"/>. Thread-safe: build one and
/// share it.
/// </summary>
public sealed class SlackWebhookVerifier
{
    internal const string SignatureHeader = "X-Slack-Signature";
    internal const string TimestampHeader = "X-Slack-Request-Timestamp";

    private readonly HmacKeySet _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a verifier with the signing secrets and tolerance of <paramref name="options"/>, on the system clock.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    public SlackWebhookVerifier(SlackWebhookOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a verifier with the signing secrets and tolerance of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="timeProvider">The clock the request timestamp is judged by.</param>
    public SlackWebhookVerifier(SlackWebhookOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, options.Secrets);
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
        const string Missing = "X-Slack-Signature or X-Slack-Request-Timestamp missing or repeated";
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
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMalformed, "X-Slack-Request-Timestamp is not a number");
        }

        if (!WebhookSignature.IsWithinTolerance(signedAt, _timeProvider, _tolerance))
        {
            return WebhookVerificationResult.OutsideTolerance(signedAt, _timeProvider, _tolerance);
        }

        Span<byte> presented = stackalloc byte[SignatureMath.Sha256Length];
        if (!signature.StartsWith("v0=", StringComparison.Ordinal) || !WebhookSignature.TryDecodeHex(signature.AsSpan(3), presented))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, SignatureHeader + " malformed: not 'v0=' and 64 hex digits");
        }

        // "v0:{timestamp}:"
        Span<byte> prefix = stackalloc byte[WebhookSignature.MaxTimestampDigits + 4];
        "v0:"u8.CopyTo(prefix);
        SignatureMath.TryWriteAscii(timestamp, prefix[3..], out var written);
        var prefixLength = 3 + written;
        prefix[prefixLength++] = (byte)':';
        return _keys.MatchesAny(presented, prefix[..prefixLength], body)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, _keys.NoMatchReason(SignatureHeader));
    }
}
