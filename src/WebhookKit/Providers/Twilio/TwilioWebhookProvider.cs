using Microsoft.AspNetCore.Http;
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
    private const string IdempotencyTokenHeader = "I-Twilio-Idempotency-Token";

    private static readonly string[] Forwarded = [IdempotencyTokenHeader, "X-Home-Region", "User-Agent"];

    private readonly TwilioWebhookVerifier _verifier;
    private readonly PublicBase? _publicBase;

    public TwilioWebhookProvider(TwilioWebhookOptions options)
    {
        _verifier = new TwilioWebhookVerifier(options);
        if (options.PublicBaseUrl is { } publicBaseUrl)
        {
            var uri = new Uri(publicBaseUrl, UriKind.Absolute);
            _publicBase = new PublicBase(uri.Scheme, new HostString(uri.Authority), uri.AbsolutePath.TrimEnd('/'));
        }
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[TwilioWebhookVerifier.SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var url = _publicBase is { } publicBase
            ? new TwilioWebhookVerifier.SignedUrl(publicBase.Scheme, publicBase.Host, publicBase.PathPrefix, request.Path.ToUriComponent(), request.QueryString.Value ?? string.Empty)
            : new TwilioWebhookVerifier.SignedUrl(request.Scheme, request.Host, request.PathBase.ToUriComponent(), request.Path.ToUriComponent(), request.QueryString.Value ?? string.Empty);
        var body = request.Body.Span;
        var verified = _verifier.Verify(url, headers, body, out var fields);
        if (!verified.IsVerified)
        {
            // A form too large to check is refused as a bad request, before anything of it is decoded.
            return verified.Failure == WebhookVerificationFailure.TooManyFormFields
                ? WebhookProviderResult.BadRequest(verified)
                : WebhookProviderResult.Unauthorized(verified);
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
                return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsRepeated, "a Twilio field that identifies the event is repeated");
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
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsRepeated, "Twilio JSON body repeats its type property");
        }

        var eventType = scan == JsonScanStatus.Read && !string.IsNullOrEmpty(type) ? type : DefaultEventType;
        return WebhookProviderResult.Accepted(eventId, eventType, null, eventIdSigned: false);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private sealed record PublicBase(string Scheme, HostString Host, string PathPrefix);
}
