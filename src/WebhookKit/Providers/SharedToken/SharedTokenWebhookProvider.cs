using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.SharedToken;

/// <summary>
/// Senders that sign nothing: a configured token in a header (or <c>Authorization: Bearer</c>), compared as SHA-256
/// hashes in constant time. Id from a configured header, else the body's SHA-256; type from a configured header, else a
/// fixed type. Nothing is signed, so the receive path also claims the body's digest. The body must be a JSON object.
/// </summary>
internal sealed class SharedTokenWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "token";

    private readonly SharedTokenWebhookVerifier _verifier;
    private readonly string? _eventIdHeader;
    private readonly string? _eventTypeHeader;
    private readonly string _eventType;

    public SharedTokenWebhookProvider(SharedTokenWebhookOptions options)
    {
        _verifier = new SharedTokenWebhookVerifier(options);
        _eventIdHeader = string.IsNullOrEmpty(options.EventIdHeader) ? null : options.EventIdHeader;
        _eventTypeHeader = string.IsNullOrEmpty(options.EventTypeHeader) ? null : options.EventTypeHeader;
        _eventType = options.EventType;
        ForwardedHeaders = [.. new[] { _eventIdHeader, _eventTypeHeader }.OfType<string>()];
        RequiredHeaders = [[_verifier.TokenHeader ?? "Authorization"]];
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders { get; }

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; }

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var verified = _verifier.Verify(headers);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        var body = request.Body.Span;

        // The payload model reads JSON; a body it could not read is refused now rather than dead-lettered later.
        if (TopLevelJsonScanner.Scan(body, default, default, acceptNumbers: false, out _, out _) != JsonScanStatus.Read)
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.BodyNotJson, "token delivery body is not a JSON object");
        }

        var eventType = _eventType;
        if (_eventTypeHeader is not null && !SignatureMath.TryGetSingle(headers[_eventTypeHeader], out eventType))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventTypeMissing, "event type header missing or repeated");
        }

        string eventId;
        if (_eventIdHeader is null)
        {
            eventId = SignatureMath.Sha256Hex(body);
        }
        else if (!SignatureMath.TryGetSingle(headers[_eventIdHeader], out eventId))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventIdMissing, "event id header missing or repeated");
        }

        // A token covers nothing of the request: the receive path also claims the body's digest.
        return WebhookProviderResult.Accepted(eventId, eventType, null, eventIdSigned: false);
    }
}
