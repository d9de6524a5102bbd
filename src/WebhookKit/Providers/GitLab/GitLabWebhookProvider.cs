using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.GitLab;

/// <summary>
/// GitLab: <c>X-Gitlab-Token</c> compared as SHA-256 hashes in constant time, and/or a Standard Webhooks
/// <c>webhook-signature</c> verified with signing tokens. With signing tokens configured, a request that carries
/// <c>webhook-signature</c> is judged by it alone (a wrong one is 401 whatever the token says) and identified by the
/// signed <c>webhook-id</c>; a request verified by its token is identified by <c>Idempotency-Key</c>, else
/// <c>X-Gitlab-Event-UUID</c>, else <c>webhook-id</c>. Type from <c>X-Gitlab-Event</c>.
/// </summary>
internal sealed class GitLabWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "gitlab";
    private const string TokenHeader = GitLabWebhookVerifier.TokenHeader;
    private const string EventHeader = "X-Gitlab-Event";
    private const string EventUuidHeader = "X-Gitlab-Event-UUID";
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly string[] Forwarded =
        [EventHeader, EventUuidHeader, IdempotencyKeyHeader, "X-Gitlab-Instance", "X-Gitlab-Webhook-UUID", StandardWebhooksSignature.IdHeader, StandardWebhooksSignature.TimestampHeader, "User-Agent"];

    private readonly GitLabWebhookVerifier _verifier;

    private const string SignatureOverridesTokenReason =
        "webhook-signature is present and not verified; X-Gitlab-Token is not considered when a signature is sent";

    public GitLabWebhookProvider(GitLabWebhookOptions options, TimeProvider timeProvider) =>
        _verifier = new GitLabWebhookVerifier(options, timeProvider);

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    /// <summary>A token, or with signing tokens a signature; with signing tokens only, the signature.</summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders =>
        (_verifier.HasTokens, _verifier.HasSigningTokens) switch
        {
            (true, true) => [[TokenHeader, StandardWebhooksSignature.SignatureHeader]],
            (true, false) => [[TokenHeader]],
            (false, true) => [[StandardWebhooksSignature.SignatureHeader]],
            _ => [],
        };

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var verified = _verifier.Verify(headers, request.Body.Span, out var signed);
        if (!verified.IsVerified)
        {
            // Say so when a token came too: the operator sees why a correct token did not help (nothing about whether it was correct).
            return signed && _verifier.HasTokens && headers[TokenHeader].Count > 0
                ? WebhookProviderResult.Unauthorized(WebhookRejectionReason.SignatureOverridesToken, SignatureOverridesTokenReason)
                : WebhookProviderResult.Unauthorized(verified);
        }

        if (signed)
        {
            return ReadSigned(headers, request.Body.Span);
        }

        // The token proves the sender, not the request: every id header is unsigned, so the receive path also claims the body.
        if (!SignatureMath.TryGetSingle(headers[IdempotencyKeyHeader], out var eventId)
            && !SignatureMath.TryGetSingle(headers[EventUuidHeader], out eventId)
            && !SignatureMath.TryGetSingle(headers[StandardWebhooksSignature.IdHeader], out eventId))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventIdMissing, "Idempotency-Key, X-Gitlab-Event-UUID and webhook-id all missing");
        }

        return SignatureMath.TryGetSingle(headers[EventHeader], out var eventType)
            ? WebhookProviderResult.Accepted(eventId, eventType, null, eventIdSigned: false)
            : WebhookProviderResult.BadRequest(WebhookRejectionReason.EventTypeMissing, "X-Gitlab-Event missing or repeated");
    }

    /// <summary>
    /// A delivery verified by its signature is identified by the signed <c>webhook-id</c> only (the unsigned
    /// <c>Idempotency-Key</c> and <c>X-Gitlab-Event-UUID</c> could relabel a captured delivery or pre-claim a genuine
    /// one). Its type, <c>X-Gitlab-Event</c>, is unsigned; the result says it is signed only when the header names the
    /// signed body's <c>object_kind</c> (see <see cref="GitLabEventKinds"/>).
    /// </summary>
    private static WebhookProviderResult ReadSigned(Microsoft.AspNetCore.Http.IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        // Verify proved webhook-id present, single and non-empty.
        var eventId = headers[StandardWebhooksSignature.IdHeader].ToString();
        if (!SignatureMath.TryGetSingle(headers[EventHeader], out var eventType))
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventTypeMissing, "X-Gitlab-Event missing or repeated");
        }

        var scan = TopLevelJsonScanner.Scan(body, "object_kind"u8, default, acceptNumbers: false, out var objectKind, out _);
        if (scan == JsonScanStatus.RepeatedProperty)
        {
            return WebhookProviderResult.BadRequest(WebhookRejectionReason.EventFieldsRepeated, "GitLab body repeats object_kind");
        }

        var typeSigned = scan == JsonScanStatus.Read && GitLabEventKinds.Matches(eventType, objectKind);
        return WebhookProviderResult.Accepted(eventId, eventType, null, eventIdSigned: typeSigned);
    }
}
