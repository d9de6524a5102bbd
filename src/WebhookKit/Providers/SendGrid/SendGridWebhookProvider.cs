using WebhookKit.Verification;

namespace WebhookKit.SendGrid;

/// <summary>
/// SendGrid Event Webhook: an ECDSA P-256 signature (<see cref="SendGridWebhookVerifier"/>). The body is a batch, a
/// JSON array of events: it is one delivery of type <see cref="BatchEventType"/>, whose model is the list
/// (<see cref="SendGridEventBatch"/>), and whose id comes from the events' <c>sg_event_id</c>s
/// (<see cref="SendGridBatchScanner.TryScan"/>). An empty array is acknowledged with nothing queued.
/// </summary>
internal sealed class SendGridWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "sendgrid";

    /// <summary>The event type of every delivery: a batch may mix event kinds, so the kind of each is in its model.</summary>
    public const string BatchEventType = "events";

    private static readonly string[] Forwarded = [SendGridWebhookVerifier.TimestampHeader, "User-Agent"];

    private readonly SendGridWebhookVerifier _verifier;

    public SendGridWebhookProvider(SendGridWebhookOptions options, TimeProvider timeProvider) =>
        _verifier = new SendGridWebhookVerifier(options, timeProvider);

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[SendGridWebhookVerifier.SignatureHeader], [SendGridWebhookVerifier.TimestampHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var body = request.Body.Span;
        var verified = _verifier.Verify(request.Headers, body);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        if (!SendGridBatchScanner.TryScan(body, out var count, out var eventId))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.BodyNotJson, "SendGrid body is not a JSON array of event objects with at most one sg_event_id each");
        }

        // The id comes from the signed body, and the signature is timestamped: a replay outside the tolerance is refused.
        return count == 0
            ? WebhookProviderResult.Respond(ReadOnlyMemory<byte>.Empty, null)
            : WebhookProviderResult.Accepted(eventId!, BatchEventType, null, eventIdSigned: true);
    }
}
