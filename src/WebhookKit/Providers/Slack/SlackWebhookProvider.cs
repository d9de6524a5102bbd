using System.Text;
using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.Slack;

/// <summary>
/// Slack: <c>X-Slack-Signature: v0=&lt;hex&gt;</c> = HMAC-SHA256(signing secret, <c>v0:{X-Slack-Request-Timestamp}:{body}</c>),
/// timestamp within the tolerance. Events API JSON (id <c>event_id</c>, type <c>event.type</c> or the top-level
/// <c>type</c>; the <c>url_verification</c> challenge is answered at once), slash commands (form; id <c>trigger_id</c>,
/// type <c>slash_command</c>) and interactivity (form field <c>payload</c>; id <c>trigger_id</c>, type its <c>type</c>).
/// </summary>
internal sealed class SlackWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "slack";
    public const string SlashCommandEventType = "slash_command";
    private const string SignatureHeader = SlackWebhookVerifier.SignatureHeader;
    private const string TimestampHeader = SlackWebhookVerifier.TimestampHeader;

    private static readonly string[] Forwarded = ["X-Slack-Retry-Num", "X-Slack-Retry-Reason", TimestampHeader, "User-Agent"];

    private readonly SlackWebhookVerifier _verifier;
    private readonly int _maxFormFields;

    public SlackWebhookProvider(SlackWebhookOptions options, TimeProvider timeProvider)
    {
        _verifier = new SlackWebhookVerifier(options, timeProvider);
        _maxFormFields = options.MaxFormFields;
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[SignatureHeader], [TimestampHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var body = request.Body.Span;
        var verified = _verifier.Verify(headers, body);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        return WebhookSignature.IsFormEncoded(headers.ContentType) ? ReadForm(body, _maxFormFields) : ReadEvent(body);
    }

    /// <summary>Every id and type below comes from the signed body (or is a constant), so results say they are signed.</summary>
    private static WebhookProviderResult ReadEvent(ReadOnlySpan<byte> body)
    {
        if (!SlackPayloadScanner.TryScan(body, out var fields) || string.IsNullOrEmpty(fields.Type))
        {
            return WebhookProviderResult.BadRequest(TopLevelJsonScanner.RefusalOf(body, "type"u8, "event_id"u8), "Slack body is not a JSON object with a single string type (type, event_id, challenge and event may not repeat)");
        }

        switch (fields.Type)
        {
            case "url_verification":
                // Slack waits for the challenge in the response itself; nothing is queued.
                return string.IsNullOrEmpty(fields.Challenge)
                    ? WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsMissing, "Slack url_verification without a challenge")
                    : WebhookProviderResult.Respond(Encoding.UTF8.GetBytes(fields.Challenge), "text/plain; charset=utf-8");
            case "event_callback":
                return string.IsNullOrEmpty(fields.EventId) || string.IsNullOrEmpty(fields.EventType)
                    ? WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsMissing, "Slack event_callback without event_id or event.type")
                    : WebhookProviderResult.Accepted(fields.EventId, fields.EventType, null, eventIdSigned: true);
            default:
                // Envelopes without an event_id (app_rate_limited) are identified by their content: retries repeat it.
                return WebhookProviderResult.Accepted(string.IsNullOrEmpty(fields.EventId) ? SignatureMath.Sha256Hex(body) : fields.EventId, fields.Type, null, eventIdSigned: true);
        }
    }

    private static WebhookProviderResult ReadForm(ReadOnlySpan<byte> body, int maxFormFields)
    {
        // Counted before anything is decoded: a body of a million empty fields costs one vectorized pass.
        if (FormPayloadReader.HasTooManyFields(body, maxFormFields))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.TooManyFormFields, "Slack form body has too many fields");
        }

        // Interactivity: the JSON is the form's "payload" field.
        switch (FormPayloadReader.TryReadField(body, "payload"u8, maxFormFields, out var payload))
        {
            case FormReadStatus.Read:
                return TopLevelJsonScanner.Scan(payload, "type"u8, "trigger_id"u8, acceptNumbers: false, out var type, out var triggerId) == JsonScanStatus.Read
                    && !string.IsNullOrEmpty(type)
                        ? WebhookProviderResult.Accepted(string.IsNullOrEmpty(triggerId) ? SignatureMath.Sha256Hex(payload) : triggerId, type, payload, eventIdSigned: true)
                        : WebhookProviderResult.BadRequest(TopLevelJsonScanner.RefusalOf(payload, "type"u8, "trigger_id"u8), "Slack interactivity payload is not a JSON object with a single string type and at most one trigger_id");
            case FormReadStatus.Repeated:
                return WebhookProviderResult.BadRequest(WebhookRejectionReason.FormWithoutPayload, "Slack form body has more than one payload field");
        }

        if (FormPayloadReader.TryReadAll(body, maxFormFields, out var fields) != FormReadStatus.Read)
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.FormMalformed, "Slack form body is not valid form encoding");
        }

        string? command = null, commandTriggerId = null, sslCheck = null;
        foreach (var (name, value) in fields)
        {
            var repeated = name switch
            {
                "command" => FormPayloadReader.TakeFirst(ref command, value),
                "trigger_id" => FormPayloadReader.TakeFirst(ref commandTriggerId, value),
                "ssl_check" => FormPayloadReader.TakeFirst(ref sslCheck, value),
                _ => false,
            };
            if (repeated)
            {
                return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsRepeated, "Slack form body repeats command, trigger_id or ssl_check");
            }
        }

        if (!string.IsNullOrEmpty(command))
        {
            // Slash commands are not retried by Slack; trigger_id is unique per invocation.
            var id = string.IsNullOrEmpty(commandTriggerId) ? SignatureMath.Sha256Hex(body) : commandTriggerId;
            return WebhookProviderResult.Accepted(id, SlashCommandEventType, FormPayloadReader.ToJson(fields), eventIdSigned: true);
        }

        // Slack's certificate check of a slash command URL: acknowledge, nothing to handle.
        return sslCheck == "1"
            ? WebhookProviderResult.Respond(ReadOnlyMemory<byte>.Empty, null)
            : WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsMissing, "Slack form body is neither a slash command nor an interactivity payload");
    }
}
