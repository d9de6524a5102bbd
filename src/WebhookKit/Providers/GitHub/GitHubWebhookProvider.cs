using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.GitHub;

/// <summary>
/// GitHub: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> = HMAC-SHA256(secret, raw body); legacy
/// <c>X-Hub-Signature: sha1=&lt;hex&gt;</c> only when enabled. Id from <c>X-GitHub-Delivery</c>, type from <c>X-GitHub-Event</c>.
/// Form-encoded deliveries are verified over the raw form body; their JSON is the <c>payload</c> field.
/// </summary>
internal sealed class GitHubWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "github";
    private const string Signature256Header = GitHubWebhookVerifier.Signature256Header;
    private const string Signature1Header = GitHubWebhookVerifier.Signature1Header;
    private const string DeliveryHeader = "X-GitHub-Delivery";
    private const string EventHeader = "X-GitHub-Event";

    private static readonly string[] Forwarded =
        [EventHeader, DeliveryHeader, "X-GitHub-Hook-ID", "X-GitHub-Hook-Installation-Target-ID", "X-GitHub-Hook-Installation-Target-Type", "User-Agent"];

    private static readonly string[][] Required = [[Signature256Header]];
    private static readonly string[][] RequiredWithSha1 = [[Signature256Header, Signature1Header]];

    private readonly GitHubWebhookVerifier _verifier;
    private readonly int _maxFormFields;

    public GitHubWebhookProvider(GitHubWebhookOptions options)
    {
        _verifier = new GitHubWebhookVerifier(options);
        _maxFormFields = options.MaxFormFields;
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders => _verifier.AllowsSha1 ? RequiredWithSha1 : Required;

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var body = request.Body.Span;

        // The verified MAC identifies the body for the receive path's body-digest claim (no second hash of the body).
        Span<byte> mac = stackalloc byte[SignatureMath.Sha256Length];
        var verified = _verifier.Verify(headers, body, mac, out var macLength);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        var bodyMac = mac[..macLength].ToArray();

        if (!SignatureMath.TryGetSingle(headers[DeliveryHeader], out var deliveryId))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventIdMissing, "X-GitHub-Delivery missing or repeated");
        }

        if (!SignatureMath.TryGetSingle(headers[EventHeader], out var eventType))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventTypeMissing, "X-GitHub-Event missing or repeated");
        }

        // X-GitHub-Delivery and X-GitHub-Event are not covered by the signature: the receive path also claims the body.
        if (WebhookSignature.IsFormEncoded(headers.ContentType))
        {
            return FormPayloadReader.TryReadField(body, "payload"u8, _maxFormFields, out var payload) switch
            {
                FormReadStatus.Read => WebhookProviderResult.Accepted(deliveryId, eventType, payload, eventIdSigned: false, bodyMac),
                FormReadStatus.TooManyFields => WebhookProviderResult.BadRequest(WebhookRejectionReason.TooManyFormFields, "form-encoded delivery has too many fields"),
                FormReadStatus.Repeated => WebhookProviderResult.BadRequest(WebhookRejectionReason.FormWithoutPayload, "form-encoded delivery has more than one payload field"),
                _ when LooksLikeJson(body) => WebhookProviderResult.BadRequest(WebhookRejectionReason.JsonSentAsForm, JsonSentAsFormReason),
                _ => WebhookProviderResult.BadRequest(WebhookRejectionReason.FormWithoutPayload, "form-encoded delivery has no payload field"),
            };
        }

        return WebhookProviderResult.Accepted(deliveryId, eventType, null, eventIdSigned: false, bodyMac);
    }

    /// <summary>
    /// What <c>curl --data-binary @push.json</c> without a Content-Type sends: a JSON body labelled as a form. GitHub's
    /// own form deliveries carry <c>payload=</c>; say what to change instead of "no payload field" (the body was verified,
    /// so nothing here helps a forger).
    /// </summary>
    internal const string JsonSentAsFormReason =
        "form-encoded delivery has no payload field, and its body is JSON: it was sent with Content-Type application/x-www-form-urlencoded (curl's default for --data-binary); send it as application/json";

    private static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        var start = body.TrimStart(" \t\r\n"u8);
        return !start.IsEmpty && start[0] is (byte)'{' or (byte)'[';
    }
}
