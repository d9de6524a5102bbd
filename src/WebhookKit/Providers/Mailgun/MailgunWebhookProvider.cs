using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.Mailgun;

/// <summary>
/// Mailgun: the signature is in the body (<see cref="MailgunWebhookVerifier"/>). JSON webhooks: type
/// <c>event-data.event</c> (<c>delivered</c>, <c>failed</c>, <c>opened</c>, …). Form posts: type the <c>event</c> field
/// (legacy webhooks), else <see cref="InboundEventType"/> (a route forwarding a received message), payload the fields
/// as a JSON object. The event id is always the signed <c>token</c>.
/// </summary>
internal sealed class MailgunWebhookProvider : IWebhookProvider
{
    public const string ProviderName = "mailgun";

    /// <summary>The event type of a form post without an <c>event</c> field: a message a route forwards.</summary>
    public const string InboundEventType = "inbound";

    private static readonly string[] Forwarded = ["User-Agent"];

    private readonly MailgunWebhookVerifier _verifier;
    private readonly int _maxFormFields;

    public MailgunWebhookProvider(MailgunWebhookOptions options, TimeProvider timeProvider)
    {
        _verifier = new MailgunWebhookVerifier(options, timeProvider);
        _maxFormFields = options.MaxFormFields;
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var body = request.Body.Span;
        var form = WebhookSignature.IsFormEncoded(request.Headers.ContentType);
        var verified = _verifier.Verify(form, body, readToken: true, out var token, out var eventTypeAt, out var eventTypeRepeated);
        if (!verified.IsVerified)
        {
            // Too many form fields is the one refusal before verification that is not about the signature: as elsewhere, 400.
            return verified.Failure == WebhookVerificationFailure.TooManyFormFields
                ? WebhookProviderResult.BadRequest(verified)
                : WebhookProviderResult.Unauthorized(verified);
        }

        // The token is signed and new for every delivery Mailgun makes (its retries resend it): it is the id, and the
        // idempotency store refuses it a second time for RetentionDuration, which makes that store the replay cache.
        // A body-digest claim would add nothing: another body with this token is already a duplicate, and any other
        // token needs a signature of its own. The event type is not signed (SECURITY.md says what that means).
        if (form)
        {
            return ReadForm(body, token, _maxFormFields);
        }

        if (eventTypeRepeated)
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsRepeated, "Mailgun event-data or event-data.event repeated");
        }

        return MailgunBodyReader.DecodeEventType(body, eventTypeAt) is { Length: > 0 } eventType
            ? WebhookProviderResult.Accepted(token, eventType, null, eventIdSigned: true)
            : WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsMissing, "Mailgun body has no event-data.event string");
    }

    private static WebhookProviderResult ReadForm(ReadOnlySpan<byte> body, string token, int maxFormFields)
    {
        if (FormPayloadReader.TryReadAll(body, maxFormFields, out var fields) != FormReadStatus.Read)
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.FormMalformed, "Mailgun form body is not valid form encoding");
        }

        string? eventType = null;
        foreach (var (name, value) in fields)
        {
            if (name == "event" && FormPayloadReader.TakeFirst(ref eventType, value))
            {
                return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsRepeated, "Mailgun form body repeats event");
            }
        }

        return WebhookProviderResult.Accepted(token, string.IsNullOrEmpty(eventType) ? InboundEventType : eventType, FormPayloadReader.ToJson(fields), eventIdSigned: true);
    }
}
