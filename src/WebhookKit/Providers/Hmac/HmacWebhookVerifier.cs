using System.Buffers;
using Microsoft.AspNetCore.Http;
using WebhookKit.Verification;

namespace WebhookKit.Hmac;

/// <summary>
/// Verifies deliveries of any HMAC sender anywhere, with the code the generic HMAC receiver (<c>AddHmac</c>) runs: the
/// signature header (optional prefix, hex or base64) against every secret over the signed-content template of
/// <see cref="HmacWebhookOptions"/>, the timestamp (when configured) within <see cref="HmacWebhookOptions.Tolerance"/>.
/// Thread-safe: build one and share it.
/// </summary>
public sealed class HmacWebhookVerifier
{
    private readonly HmacKeySet _keys;
    private readonly bool _base64;
    private readonly string _signatureHeader;
    private readonly string _signaturePrefix;
    private readonly string? _timestampHeader;
    private readonly TimeSpan _tolerance;
    private readonly HmacSignedContent _content;
    private readonly string? _eventIdHeader;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a verifier with the scheme and secrets of <paramref name="options"/>, on the system clock.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <exception cref="InvalidOperationException">The options name no signature header, or their signed-content template is invalid.</exception>
    public HmacWebhookVerifier(HmacWebhookOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a verifier with the scheme and secrets of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="timeProvider">The clock the signed timestamp is judged by.</param>
    /// <exception cref="InvalidOperationException">The options name no signature header, or their signed-content template is invalid.</exception>
    public HmacWebhookVerifier(HmacWebhookOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = HmacKeySet.FromSecrets(Enum.IsDefined(options.Algorithm) ? options.Algorithm : HmacSignatureAlgorithm.Sha256, options.Secrets);
        _base64 = options.SignatureEncoding == HmacSignatureEncoding.Base64;
        _signatureHeader = options.SignatureHeader ?? throw new InvalidOperationException("The HMAC receiver has no signature header.");
        _signaturePrefix = options.SignaturePrefix ?? string.Empty;
        _timestampHeader = string.IsNullOrWhiteSpace(options.TimestampHeader) ? null : options.TimestampHeader;
        _tolerance = options.Tolerance;
        _content = HmacSignedContent.TryParse(options.EffectiveSignedContent, out var content, out _)
            ? content
            : throw new InvalidOperationException("The HMAC receiver's signed-content template is invalid.");
        _eventIdHeader = string.IsNullOrWhiteSpace(options.EventIdHeader) ? null : options.EventIdHeader;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the header that carries the signature.</summary>
    internal string SignatureHeader => _signatureHeader;

    /// <summary>Gets the header that carries the timestamp, or <see langword="null"/>.</summary>
    internal string? TimestampHeader => _timestampHeader;

    /// <summary>Gets a value indicating whether the signed content holds the event id header's value.</summary>
    internal bool SignsId => _content.UsesId;

    /// <summary>Verifies a delivery: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body) => Verify(headers, body, out _);

    /// <summary>As <see cref="Verify(IHeaderDictionary, ReadOnlySpan{byte})"/>; <paramref name="eventId"/> is the event id header's single value, or <see langword="null"/>.</summary>
    internal WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, out string? eventId)
    {
        ArgumentNullException.ThrowIfNull(headers);
        eventId = _eventIdHeader is not null && SignatureMath.TryGetSingle(headers[_eventIdHeader], out var idFromHeader) ? idFromHeader : null;
        const string Unreadable = "signature header missing, repeated or malformed";
        if (!SignatureMath.TryGetSingle(headers[_signatureHeader], out var header))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, Unreadable);
        }

        Span<byte> presented = stackalloc byte[HmacKeySet.MaxMacLength];
        presented = presented[.._keys.MacLength];
        if (!header.StartsWith(_signaturePrefix, StringComparison.Ordinal)
            || !(_base64
                ? WebhookSignature.TryDecodeBase64(header.AsSpan(_signaturePrefix.Length), presented)
                : WebhookSignature.TryDecodeHex(header.AsSpan(_signaturePrefix.Length), presented)))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, Unreadable);
        }

        var timestamp = string.Empty;
        if (_timestampHeader is not null)
        {
            const string NoTimestamp = "timestamp header missing, repeated or not a number";
            if (!SignatureMath.TryGetSingle(headers[_timestampHeader], out timestamp))
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMissing, NoTimestamp);
            }

            if (!WebhookSignature.TryParseUnixSeconds(timestamp, out var signedAt))
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMalformed, NoTimestamp);
            }

            if (!WebhookSignature.IsWithinTolerance(signedAt, _timeProvider, _tolerance))
            {
                return WebhookVerificationResult.OutsideTolerance(signedAt, _timeProvider, _tolerance);
            }
        }

        if (_content.UsesId && eventId is null)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.IdMissing, "event id header, part of the signed content, missing or repeated");
        }

        if (_content.UsesId && !_content.IsUnambiguousId(eventId!))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.IdMalformed, "event id header contains the signed-content separator that follows it");
        }

        return Matches(presented, timestamp, eventId ?? string.Empty, body)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, "signature not matching");
    }

    private bool Matches(ReadOnlySpan<byte> presented, string timestamp, string eventId, ReadOnlySpan<byte> body)
    {
        var prefixLength = _content.PrefixLength(timestamp, eventId);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(prefixLength, 1));
        try
        {
            return _keys.MatchesAny(presented, rented.AsSpan(0, _content.WritePrefix(rented, timestamp, eventId)), body);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
