using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.Razorpay;

/// <summary>
/// Razorpay: <c>X-Razorpay-Signature</c> = hex HMAC-SHA256(webhook secret, raw body), no timestamp. Id from
/// <c>X-Razorpay-Event-Id</c> (one per event, repeated on retries; Razorpay documents it for deduplication), type from
/// the signed body's top-level <c>event</c>, for example <c>payment.captured</c>.
/// </summary>
internal sealed class RazorpayWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "razorpay";
    private const string SignatureHeader = RazorpayWebhookVerifier.SignatureHeader;
    private const string EventIdHeader = "X-Razorpay-Event-Id";

    private static readonly string[] Forwarded = [EventIdHeader];

    private readonly RazorpayWebhookVerifier _verifier;

    public RazorpayWebhookProvider(RazorpayWebhookOptions options) =>
        _verifier = new RazorpayWebhookVerifier(options);

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var body = request.Body.Span;

        // The verified MAC identifies the body for the receive path's body-digest claim (no second hash of the body).
        Span<byte> mac = stackalloc byte[SignatureMath.Sha256Length];
        var verified = _verifier.Verify(headers, body, mac);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        if (!SignatureMath.TryGetSingle(headers[EventIdHeader], out var eventId))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventIdMissing, "X-Razorpay-Event-Id missing or repeated");
        }

        // The type is signed (the body's "event", at most once); the id header is not, so the receive path also claims the body.
        return TopLevelJsonScanner.Scan(body, "event"u8, default, acceptNumbers: false, out var eventType, out _) switch
        {
            JsonScanStatus.Read when !string.IsNullOrEmpty(eventType) => WebhookProviderResult.Accepted(eventId, eventType, null, eventIdSigned: false, mac.ToArray()),
            JsonScanStatus.RepeatedProperty => WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsRepeated, "Razorpay body repeats event"),
            JsonScanStatus.NotAnObject => WebhookProviderResult.BadRequest(WebhookRejectionReason.BodyNotJson, "Razorpay body is not a JSON object"),
            _ => WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsMissing, "Razorpay body has no string event"),
        };
    }
}
