using WebhookKit.Internal;

namespace WebhookKit.Paddle;

/// <summary>
/// Paddle Billing: <c>Paddle-Signature: ts=&lt;unix&gt;;h1=&lt;hex&gt;</c> over <c>"{ts}:{raw body}"</c>. Id and type
/// are the signed body's top-level <c>event_id</c> and <c>event_type</c>, each at most once.
/// </summary>
internal sealed class PaddleWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "paddle";

    private readonly PaddleWebhookVerifier _verifier;

    public PaddleWebhookProvider(PaddleWebhookOptions options, TimeProvider timeProvider) =>
        _verifier = new PaddleWebhookVerifier(options, timeProvider);

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => [];

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[PaddleWebhookVerifier.SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var body = request.Body.Span;
        var verified = _verifier.Verify(request.Headers, body);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        // Id and type come from the signed body (each at most once, or the dedupe key and PaddleEvent.EventId could differ).
        return TopLevelJsonScanner.TryReadStrings(body, "event_id"u8, "event_type"u8, out var id, out var type)
            ? WebhookProviderResult.Accepted(id, type, null, eventIdSigned: true)
            : WebhookProviderResult.BadRequest(TopLevelJsonScanner.RefusalOf(body, "event_id"u8, "event_type"u8), "Paddle body is not a JSON object with one string event_id and one string event_type");
    }
}
