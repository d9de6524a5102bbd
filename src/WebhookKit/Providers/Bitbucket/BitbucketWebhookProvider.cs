using WebhookKit.Verification;

namespace WebhookKit.Bitbucket;

/// <summary>
/// Bitbucket Cloud: <c>X-Hub-Signature: sha256=&lt;hex&gt;</c> = HMAC-SHA256(secret, raw body), no timestamp. Id from
/// <c>X-Request-UUID</c>, type from <c>X-Event-Key</c> (for example <c>repo:push</c>); neither header is signed.
/// </summary>
internal sealed class BitbucketWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "bitbucket";
    private const string SignatureHeader = BitbucketWebhookVerifier.SignatureHeader;
    private const string EventKeyHeader = "X-Event-Key";
    private const string RequestUuidHeader = "X-Request-UUID";

    private static readonly string[] Forwarded = [EventKeyHeader, RequestUuidHeader, "X-Hook-UUID", "X-Attempt-Number", "User-Agent"];

    private readonly BitbucketWebhookVerifier _verifier;

    public BitbucketWebhookProvider(BitbucketWebhookOptions options) =>
        _verifier = new BitbucketWebhookVerifier(options);

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;

        // The verified MAC identifies the body for the receive path's body-digest claim (no second hash of the body).
        Span<byte> mac = stackalloc byte[SignatureMath.Sha256Length];
        var verified = _verifier.Verify(headers, request.Body.Span, mac);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        if (!SignatureMath.TryGetSingle(headers[RequestUuidHeader], out var requestUuid))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventIdMissing, "X-Request-UUID missing or repeated");
        }

        // X-Request-UUID and X-Event-Key are chosen by whoever sends the request: the receive path also claims the body.
        return SignatureMath.TryGetSingle(headers[EventKeyHeader], out var eventKey)
            ? WebhookProviderResult.Accepted(requestUuid, eventKey, null, eventIdSigned: false, mac.ToArray())
            : WebhookProviderResult.BadRequest(WebhookRejectionReason.EventTypeMissing, "X-Event-Key missing or repeated");
    }
}
