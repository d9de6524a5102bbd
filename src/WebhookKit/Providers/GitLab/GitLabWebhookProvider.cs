using WebhookKit.Verification;

namespace WebhookKit.GitLab;

/// <summary>
/// GitLab: <c>X-Gitlab-Token</c> compared as SHA-256 hashes in constant time, and/or a Standard Webhooks
/// <c>webhook-signature</c> verified with signing tokens. Id from <c>Idempotency-Key</c>, else
/// <c>X-Gitlab-Event-UUID</c>, else <c>webhook-id</c>; type from <c>X-Gitlab-Event</c>.
/// </summary>
internal sealed class GitLabWebhookProvider : IWebhookProvider
{
    public const string ProviderName = "gitlab";
    private const string TokenHeader = "X-Gitlab-Token";
    private const string EventHeader = "X-Gitlab-Event";
    private const string EventUuidHeader = "X-Gitlab-Event-UUID";
    private const string IdempotencyKeyHeader = "Idempotency-Key";

    private static readonly string[] Forwarded =
        [EventHeader, EventUuidHeader, IdempotencyKeyHeader, "X-Gitlab-Instance", "X-Gitlab-Webhook-UUID", StandardWebhooksSignature.IdHeader, StandardWebhooksSignature.TimestampHeader, "User-Agent"];

    private readonly byte[][] _tokenHashes;
    private readonly byte[][] _signingKeys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    public GitLabWebhookProvider(GitLabWebhookOptions options, TimeProvider timeProvider)
    {
        _tokenHashes = [.. options.Secrets.Select(SignatureMath.HashToken)];
        _signingKeys = [.. options.SigningTokens.Select(token => StandardWebhooksSignature.TryDecodeSecret(token, out var key)
            ? key
            : throw new InvalidOperationException("A GitLab signing token is not 'whsec_' followed by base64."))];
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var verified = false;
        var reason = "X-Gitlab-Token missing";

        if (_signingKeys.Length > 0 && headers[StandardWebhooksSignature.SignatureHeader].Count > 0)
        {
            verified = StandardWebhooksSignature.Verify(headers, request.Body.Span, _signingKeys, _timeProvider, _tolerance, out reason);
        }
        else if (_tokenHashes.Length == 0)
        {
            reason = "webhook-signature missing and this receiver requires signed deliveries";
        }

        // With both a token and a signing token configured, either proof is accepted, never neither.
        if (!verified && _tokenHashes.Length > 0 && headers[TokenHeader].Count > 0)
        {
            verified = SignatureMath.TryGetSingle(headers[TokenHeader], out var token) && SignatureMath.TokenMatchesAny(token, _tokenHashes);
            reason = verified ? string.Empty : "X-Gitlab-Token repeated or not matching";
        }

        if (!verified)
        {
            return WebhookProviderResult.Unauthorized(reason);
        }

        if (!TryGetEventId(headers, out var eventId))
        {
            return WebhookProviderResult.BadRequest("Idempotency-Key, X-Gitlab-Event-UUID and webhook-id all missing");
        }

        return SignatureMath.TryGetSingle(headers[EventHeader], out var eventType)
            ? WebhookProviderResult.Accepted(eventId, eventType)
            : WebhookProviderResult.BadRequest("X-Gitlab-Event missing or repeated");
    }

    private static bool TryGetEventId(Microsoft.AspNetCore.Http.IHeaderDictionary headers, out string eventId) =>
        SignatureMath.TryGetSingle(headers[IdempotencyKeyHeader], out eventId)
        || SignatureMath.TryGetSingle(headers[EventUuidHeader], out eventId)
        || SignatureMath.TryGetSingle(headers[StandardWebhooksSignature.IdHeader], out eventId);
}
