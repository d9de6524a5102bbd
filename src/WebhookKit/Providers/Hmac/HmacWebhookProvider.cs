using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.Hmac;

/// <summary>
/// Any HMAC sender, as <see cref="HmacWebhookOptions"/> describe it: the signature header (optional prefix, hex or
/// base64) over a signed-content template of the optional timestamp, the optional id and the raw body; id and type from
/// a header or a top-level JSON property.
/// </summary>
internal sealed class HmacWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "hmac";
    private const int MaxTimestampDigits = 19;

    private readonly byte[][] _keys;
    private readonly HashAlgorithmName _algorithm;
    private readonly int _signatureLength;
    private readonly bool _base64;
    private readonly string _signatureHeader;
    private readonly string _signaturePrefix;
    private readonly string? _timestampHeader;
    private readonly TimeSpan _tolerance;
    private readonly HmacSignedContent _content;
    private readonly string? _eventIdHeader;
    private readonly byte[] _eventIdProperty;
    private readonly string? _eventTypeHeader;
    private readonly byte[] _eventTypeProperty;
    private readonly string[] _forwarded;
    private readonly bool _identitySigned;
    private readonly TimeProvider _timeProvider;

    public HmacWebhookProvider(HmacWebhookOptions options, TimeProvider timeProvider)
    {
        _keys = [.. options.Secrets.Select(Encoding.UTF8.GetBytes)];
        _algorithm = options.Algorithm switch
        {
            HmacSignatureAlgorithm.Sha1 => HashAlgorithmName.SHA1,
            HmacSignatureAlgorithm.Sha512 => HashAlgorithmName.SHA512,
            _ => HashAlgorithmName.SHA256,
        };
        _signatureLength = SignatureMath.HmacLength(_algorithm);
        _base64 = options.SignatureEncoding == HmacSignatureEncoding.Base64;
        _signatureHeader = options.SignatureHeader ?? throw new InvalidOperationException("The HMAC receiver has no signature header.");
        _signaturePrefix = options.SignaturePrefix ?? string.Empty;
        _timestampHeader = string.IsNullOrWhiteSpace(options.TimestampHeader) ? null : options.TimestampHeader;
        _tolerance = options.Tolerance;
        _content = HmacSignedContent.TryParse(options.EffectiveSignedContent, out var content, out _)
            ? content
            : throw new InvalidOperationException("The HMAC receiver's signed-content template is invalid.");
        _eventIdHeader = string.IsNullOrWhiteSpace(options.EventIdHeader) ? null : options.EventIdHeader;
        _eventIdProperty = Encoding.UTF8.GetBytes(options.EventIdProperty ?? string.Empty);
        _eventTypeHeader = string.IsNullOrWhiteSpace(options.EventTypeHeader) ? null : options.EventTypeHeader;
        _eventTypeProperty = Encoding.UTF8.GetBytes(options.EventTypeProperty ?? string.Empty);
        // The id is signed when it comes from the body or from a header the template signs ({id}); the type only from the body.
        _identitySigned = (_eventIdHeader is null || _content.UsesId) && _eventTypeHeader is null;
        _forwarded = [.. new[] { _eventIdHeader, _eventTypeHeader, _timestampHeader, "User-Agent" }.OfType<string>()];
        _timeProvider = timeProvider;
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => _forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders => [[_signatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        Span<byte> presented = stackalloc byte[SignatureMath.Sha512Length];
        presented = presented[.._signatureLength];
        if (!SignatureMath.TryGetSingle(headers[_signatureHeader], out var header)
            || !header.StartsWith(_signaturePrefix, StringComparison.Ordinal)
            || !(_base64
                ? SignatureMath.TryDecodeBase64(header.AsSpan(_signaturePrefix.Length), presented)
                : SignatureMath.TryDecodeHex(header.AsSpan(_signaturePrefix.Length), presented)))
        {
            return WebhookProviderResult.Unauthorized("signature header missing, repeated or malformed");
        }

        var timestamp = string.Empty;
        if (_timestampHeader is not null)
        {
            if (!SignatureMath.TryGetSingle(headers[_timestampHeader], out timestamp)
                || timestamp.Length > MaxTimestampDigits
                || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var signedAt))
            {
                return WebhookProviderResult.Unauthorized("timestamp header missing, repeated or not a number");
            }

            if (!SignatureMath.IsWithinTolerance(signedAt, _timeProvider, _tolerance))
            {
                return WebhookProviderResult.Unauthorized("timestamp outside tolerance");
            }
        }

        string? eventId = null;
        if (_eventIdHeader is not null && SignatureMath.TryGetSingle(headers[_eventIdHeader], out var idFromHeader))
        {
            eventId = idFromHeader;
        }

        if (_content.UsesId && eventId is null)
        {
            return WebhookProviderResult.Unauthorized("event id header, part of the signed content, missing or repeated");
        }

        if (_content.UsesId && !_content.IsUnambiguousId(eventId!))
        {
            return WebhookProviderResult.Unauthorized("event id header contains the signed-content separator that follows it");
        }

        var body = request.Body.Span;
        if (!Verify(presented, timestamp, eventId ?? string.Empty, body))
        {
            return WebhookProviderResult.Unauthorized("signature not matching");
        }

        string? eventType = null;
        if (_eventTypeHeader is not null && SignatureMath.TryGetSingle(headers[_eventTypeHeader], out var typeFromHeader))
        {
            eventType = typeFromHeader;
        }

        if ((_eventIdHeader is null || _eventTypeHeader is null)
            && !ReadProperties(body, ref eventId, ref eventType))
        {
            return WebhookProviderResult.BadRequest("body is not a JSON object");
        }

        return string.IsNullOrEmpty(eventId) || string.IsNullOrEmpty(eventType)
            ? WebhookProviderResult.BadRequest("event id or event type missing")
            : WebhookProviderResult.Accepted(eventId, eventType, null, _identitySigned);
    }

    private bool ReadProperties(ReadOnlySpan<byte> body, ref string? eventId, ref string? eventType)
    {
        if (!TopLevelJsonScanner.TryReadValues(body, _eventIdProperty, _eventTypeProperty, acceptNumbers: true, out var id, out var type))
        {
            return false;
        }

        eventId ??= id;
        eventType ??= type;
        return true;
    }

    private bool Verify(ReadOnlySpan<byte> presented, string timestamp, string eventId, ReadOnlySpan<byte> body)
    {
        var prefixLength = _content.PrefixLength(timestamp, eventId);
        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(prefixLength, 1));
        try
        {
            var prefix = rented.AsSpan(0, _content.WritePrefix(rented, timestamp, eventId));
            Span<byte> expected = stackalloc byte[SignatureMath.Sha512Length];
            expected = expected[.._signatureLength];
            var match = false;
            foreach (var key in _keys)
            {
                SignatureMath.Hmac(_algorithm, key, prefix, body, expected);
                match |= CryptographicOperations.FixedTimeEquals(presented, expected);
            }

            return match;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
