using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.Twilio;

/// <summary>
/// Twilio: <c>X-Twilio-Signature</c> = base64 HMAC-SHA1(auth token, public URL + form parameters sorted by name,
/// each name followed by its value). JSON and other bodies are signed through the URL's <c>bodySHA256</c> query
/// parameter (the hex SHA-256 of the body), the signature then covering the URL alone. The URL is tried with and
/// without its default port. Id from <c>I-Twilio-Idempotency-Token</c>, else <c>{MessageSid|CallSid}:{status}</c>;
/// type from the <c>EventType</c> parameter, else <c>message</c> or <c>call</c>.
/// </summary>
internal sealed class TwilioWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "twilio";
    public const string MessageEventType = "message";
    public const string CallEventType = "call";
    public const string DefaultEventType = "webhook";
    private const string SignatureHeader = "X-Twilio-Signature";
    private const string IdempotencyTokenHeader = "I-Twilio-Idempotency-Token";
    private const string BodyHashParameter = "bodySHA256";

    private static readonly string[] Forwarded = [IdempotencyTokenHeader, "X-Home-Region", "User-Agent"];

    private readonly byte[][] _keys;
    private readonly PublicBase? _publicBase;
    private readonly int _maxFormFields;

    public TwilioWebhookProvider(TwilioWebhookOptions options)
    {
        _keys = [.. options.Secrets.Select(Encoding.UTF8.GetBytes)];
        _maxFormFields = options.MaxFormFields;
        if (options.PublicBaseUrl is { } publicBaseUrl)
        {
            var uri = new Uri(publicBaseUrl, UriKind.Absolute);
            _publicBase = new PublicBase(uri.Scheme, new HostString(uri.Authority), uri.AbsolutePath.TrimEnd('/'));
        }
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        Span<byte> presented = stackalloc byte[SignatureMath.Sha1Length];
        if (!SignatureMath.TryGetSingle(headers[SignatureHeader], out var signature) || !SignatureMath.TryDecodeBase64(signature, presented))
        {
            return WebhookProviderResult.Unauthorized("X-Twilio-Signature missing, repeated or malformed");
        }

        var url = _publicBase is { } publicBase
            ? new SignedUrl(publicBase.Scheme, publicBase.Host, publicBase.PathPrefix, request.Path.ToUriComponent(), request.QueryString.Value ?? string.Empty)
            : new SignedUrl(request.Scheme, request.Host, request.PathBase.ToUriComponent(), request.Path.ToUriComponent(), request.QueryString.Value ?? string.Empty);
        if (url.Scheme.Length == 0 || !url.Host.HasValue)
        {
            return WebhookProviderResult.Unauthorized("the request URL Twilio signed is unknown");
        }

        var body = request.Body.Span;
        List<KeyValuePair<string, string>>? fields = null;
        if (TryGetQueryValue(url.Query, BodyHashParameter, out var bodyHash))
        {
            // The signature covers the URL, and through its bodySHA256 the body.
            if (!BodyMatches(bodyHash, body) | !Verify(presented, url, []))
            {
                return WebhookProviderResult.Unauthorized("X-Twilio-Signature or bodySHA256 not matching");
            }
        }
        else if (IsFormEncoded(headers.ContentType))
        {
            // The signature covers the decoded, sorted fields, so they are counted first (one pass, nothing decoded):
            // an unsigned body of a million fields is refused before any decoding or sorting.
            var read = FormPayloadReader.TryReadAll(body, _maxFormFields, out fields);
            if (read == FormReadStatus.TooManyFields)
            {
                return WebhookProviderResult.BadRequest("form body has too many fields");
            }

            if (read != FormReadStatus.Read || !Verify(presented, url, fields))
            {
                return WebhookProviderResult.Unauthorized("X-Twilio-Signature not matching");
            }
        }
        else if (!body.IsEmpty)
        {
            return WebhookProviderResult.Unauthorized("a non-form body without bodySHA256 is not covered by X-Twilio-Signature");
        }
        else if (!Verify(presented, url, []))
        {
            return WebhookProviderResult.Unauthorized("X-Twilio-Signature not matching");
        }

        return fields is null ? ReadOther(headers, body) : ReadForm(headers, body, fields);
    }

    /// <summary>
    /// The fields are signed but the idempotency token header is not, so results never say the id is signed. A field
    /// that identifies the event may appear once only: the handler's model would otherwise read another value.
    /// </summary>
    private static WebhookProviderResult ReadForm(IHeaderDictionary headers, ReadOnlySpan<byte> body, List<KeyValuePair<string, string>> fields)
    {
        string? eventType = null, messageSid = null, smsSid = null, callSid = null, messageStatus = null, smsStatus = null, callStatus = null;
        foreach (var (name, value) in fields)
        {
            var repeated = name switch
            {
                "EventType" => FormPayloadReader.TakeFirst(ref eventType, value),
                "MessageSid" => FormPayloadReader.TakeFirst(ref messageSid, value),
                "SmsSid" => FormPayloadReader.TakeFirst(ref smsSid, value),
                "CallSid" => FormPayloadReader.TakeFirst(ref callSid, value),
                "MessageStatus" => FormPayloadReader.TakeFirst(ref messageStatus, value),
                "SmsStatus" => FormPayloadReader.TakeFirst(ref smsStatus, value),
                "CallStatus" => FormPayloadReader.TakeFirst(ref callStatus, value),
                _ => false,
            };
            if (repeated)
            {
                return WebhookProviderResult.BadRequest("a Twilio field that identifies the event is repeated");
            }
        }

        messageSid = NullIfEmpty(messageSid) ?? NullIfEmpty(smsSid);
        callSid = NullIfEmpty(callSid);
        var sid = messageSid ?? callSid;
        var status = messageSid is not null ? NullIfEmpty(messageStatus) ?? NullIfEmpty(smsStatus) : NullIfEmpty(callStatus);
        if (!SignatureMath.TryGetSingle(headers[IdempotencyTokenHeader], out var eventId))
        {
            // No id header: a message's or call's status callback is one event per SID and status.
            eventId = sid is null ? SignatureMath.Sha256Hex(body) : status is null ? sid : string.Concat(sid, ":", status);
        }

        var type = NullIfEmpty(eventType) ?? (messageSid is not null ? MessageEventType : callSid is not null ? CallEventType : DefaultEventType);
        return WebhookProviderResult.Accepted(eventId, type, FormPayloadReader.ToJson(fields), eventIdSigned: false);
    }

    private static WebhookProviderResult ReadOther(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        if (!SignatureMath.TryGetSingle(headers[IdempotencyTokenHeader], out var eventId))
        {
            eventId = SignatureMath.Sha256Hex(body);
        }

        var scan = TopLevelJsonScanner.Scan(body, "type"u8, default, acceptNumbers: false, out var type, out _);
        if (scan == JsonScanStatus.RepeatedProperty)
        {
            return WebhookProviderResult.BadRequest("Twilio JSON body repeats its type property");
        }

        var eventType = scan == JsonScanStatus.Read && !string.IsNullOrEmpty(type) ? type : DefaultEventType;
        return WebhookProviderResult.Accepted(eventId, eventType, null, eventIdSigned: false);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool BodyMatches(string hex, ReadOnlySpan<byte> body)
    {
        Span<byte> expected = stackalloc byte[SignatureMath.Sha256Length];
        Span<byte> actual = stackalloc byte[SignatureMath.Sha256Length];
        if (!SignatureMath.TryDecodeHex(hex, expected))
        {
            return false;
        }

        SHA256.HashData(body, actual);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static bool TryGetQueryValue(string query, string name, out string value)
    {
        var span = query.AsSpan().TrimStart('?');
        foreach (var range in span.Split('&'))
        {
            var pair = span[range];
            if (pair.Length > name.Length && pair[name.Length] == '=' && pair.StartsWith(name, StringComparison.Ordinal))
            {
                value = pair[(name.Length + 1)..].ToString();
                return true;
            }
        }

        value = string.Empty;
        return false;
    }

    private static bool IsFormEncoded(StringValues contentType) =>
        contentType.Count == 1
        && MediaTypeHeaderValue.TryParse(contentType[0], out var parsed)
        && parsed.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the URL without and with its port (Twilio may sign either) followed by the sorted parameters, against every auth token.</summary>
    private bool Verify(ReadOnlySpan<byte> presented, SignedUrl url, List<KeyValuePair<string, string>> fields)
    {
        fields.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        var parametersLength = 0;
        foreach (var (name, value) in fields)
        {
            parametersLength += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value);
        }

        var host = url.Host.Host;
        var port = url.Host.Port ?? (url.Scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? 443 : 80);
        string[] authorities = [host, string.Concat(host, ":", port.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        var maxUrlLength = Encoding.UTF8.GetMaxByteCount(url.Scheme.Length + 3 + authorities[1].Length + url.PathPrefix.Length + url.Path.Length + url.Query.Length);
        var rented = ArrayPool<byte>.Shared.Rent(maxUrlLength + parametersLength);
        try
        {
            Span<byte> expected = stackalloc byte[SignatureMath.Sha1Length];
            var match = false;
            foreach (var authority in authorities)
            {
                var length = Write(rented, 0, url.Scheme);
                length = Write(rented, length, "://");
                length = Write(rented, length, authority);
                length = Write(rented, length, url.PathPrefix);
                length = Write(rented, length, url.Path);
                length = Write(rented, length, url.Query);
                foreach (var (name, value) in fields)
                {
                    length = Write(rented, length, name);
                    length = Write(rented, length, value);
                }

                foreach (var key in _keys)
                {
                    SignatureMath.Hmac(HashAlgorithmName.SHA1, key, default, rented.AsSpan(0, length), expected);
                    match |= CryptographicOperations.FixedTimeEquals(presented, expected);
                }
            }

            return match;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Write(byte[] destination, int offset, string text) =>
        offset + Encoding.UTF8.GetBytes(text, destination.AsSpan(offset));

    private sealed record PublicBase(string Scheme, HostString Host, string PathPrefix);

    private readonly record struct SignedUrl(string Scheme, HostString Host, string PathPrefix, string Path, string Query);
}
