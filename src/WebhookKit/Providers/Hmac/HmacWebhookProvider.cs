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

    private readonly HmacWebhookVerifier _verifier;
    private readonly string? _eventIdHeader;
    private readonly byte[] _eventIdProperty;
    private readonly string? _eventTypeHeader;
    private readonly byte[] _eventTypeProperty;
    private readonly string[] _forwarded;
    private readonly bool _identitySigned;

    public HmacWebhookProvider(HmacWebhookOptions options, TimeProvider timeProvider)
    {
        _verifier = new HmacWebhookVerifier(options, timeProvider);
        _eventIdHeader = string.IsNullOrWhiteSpace(options.EventIdHeader) ? null : options.EventIdHeader;
        _eventIdProperty = Encoding.UTF8.GetBytes(options.EventIdProperty ?? string.Empty);
        _eventTypeHeader = string.IsNullOrWhiteSpace(options.EventTypeHeader) ? null : options.EventTypeHeader;
        _eventTypeProperty = Encoding.UTF8.GetBytes(options.EventTypeProperty ?? string.Empty);
        // The id is signed when it comes from the body or from a header the template signs ({id}); the type only from the body.
        _identitySigned = (_eventIdHeader is null || _verifier.SignsId) && _eventTypeHeader is null;
        _forwarded = [.. new[] { _eventIdHeader, _eventTypeHeader, _verifier.TimestampHeader, "User-Agent" }.OfType<string>()];
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => _forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders => [[_verifier.SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var body = request.Body.Span;
        var verified = _verifier.Verify(headers, body, out var eventId);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        string? eventType = null;
        if (_eventTypeHeader is not null && SignatureMath.TryGetSingle(headers[_eventTypeHeader], out var typeFromHeader))
        {
            eventType = typeFromHeader;
        }

        if ((_eventIdHeader is null || _eventTypeHeader is null)
            && !ReadProperties(body, ref eventId, ref eventType))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.BodyNotJson, "body is not a JSON object");
        }

        return string.IsNullOrEmpty(eventId) || string.IsNullOrEmpty(eventType)
            ? WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsMissing, "event id or event type missing")
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
}
