using WebhookKit.Receiving;
using WebhookKit.Verification;

namespace WebhookKit;

/// <summary>The outcome of <see cref="IWebhookProvider.Read"/>.</summary>
public readonly struct WebhookProviderResult
{
    private WebhookProviderResult(WebhookProviderStatus status, WebhookRejectionReason rejection, string failureReason, in WebhookVerificationResult verification = default)
    {
        Status = status;
        RejectionReason = rejection;
        FailureReason = failureReason;
        TimestampOffset = verification.TimestampOffset;
        Tolerance = verification.Tolerance;
    }

    private WebhookProviderResult(WebhookProviderStatus status, string? eventId, string? eventType, byte[]? payload, string? failureReason, bool eventIdSigned = false, ReadOnlyMemory<byte> bodyMac = default)
    {
        Status = status;
        IsEventIdSigned = eventIdSigned;
        BodyMac = bodyMac;
        EventId = eventId;
        EventType = eventType;
        Payload = payload;
        FailureReason = failureReason;
    }

    private WebhookProviderResult(ReadOnlyMemory<byte> responseBody, string? responseContentType)
    {
        Status = WebhookProviderStatus.Respond;
        ResponseBody = responseBody;
        ResponseContentType = responseContentType;
    }

    /// <summary>Gets what the provider made of the request.</summary>
    public WebhookProviderStatus Status { get; }

    /// <summary>Gets the event id when <see cref="Status"/> is <see cref="WebhookProviderStatus.Accepted"/>.</summary>
    public string? EventId { get; }

    /// <summary>Gets the event type when <see cref="Status"/> is <see cref="WebhookProviderStatus.Accepted"/>.</summary>
    public string? EventType { get; }

    /// <summary>
    /// Gets whether <see cref="EventId"/> and <see cref="EventType"/> come from signed content (the body, or a header
    /// the signature covers), so that nobody without the secret can relabel a captured delivery under another id.
    /// When <see langword="false"/> (GitHub's <c>X-GitHub-Delivery</c>, Shopify's <c>X-Shopify-Event-Id</c>, …) the
    /// receive path also claims a digest of the receiver, event type and raw body, so that a captured body replayed
    /// under a new id is answered as a duplicate (see <c>docs/architecture.md</c>, "Replays under unsigned ids").
    /// </summary>
    public bool IsEventIdSigned { get; }

    /// <summary>
    /// Gets the verified MAC when the signature is a keyed hash of the raw body and nothing else (GitHub's
    /// <c>X-Hub-Signature-256</c>, Shopify's <c>X-Shopify-Hmac-Sha256</c>), otherwise empty. The same body always carries
    /// the same MAC under one secret, so the receive path identifies a body by it for the body-digest claim
    /// (<see cref="IsEventIdSigned"/>) instead of hashing the body a second time.
    /// </summary>
    public ReadOnlyMemory<byte> BodyMac { get; }

    /// <summary>Gets the JSON payload when it is not the body itself (for example a form field), otherwise <see langword="null"/>.</summary>
    public byte[]? Payload { get; }

    /// <summary>Gets a short, fixed description of why the request was rejected, for the log. Never a secret, signature or payload.</summary>
    public string? FailureReason { get; }

    /// <summary>
    /// Gets why the request was refused, as a stable code (docs/rejection-reasons.md), when <see cref="Status"/> is
    /// <see cref="WebhookProviderStatus.Unauthorized"/>, <see cref="WebhookProviderStatus.BadRequest"/> or <see cref="WebhookProviderStatus.Unavailable"/>.
    /// </summary>
    public WebhookRejectionReason RejectionReason { get; }

    /// <summary>Gets the verifier's <see cref="WebhookVerificationResult.TimestampOffset"/> for a stale timestamp.</summary>
    internal TimeSpan? TimestampOffset { get; }

    /// <summary>Gets the verifier's <see cref="WebhookVerificationResult.Tolerance"/> for a stale timestamp.</summary>
    internal TimeSpan? Tolerance { get; }

    /// <summary>Gets the body answered with 200 when <see cref="Status"/> is <see cref="WebhookProviderStatus.Respond"/>; may be empty.</summary>
    public ReadOnlyMemory<byte> ResponseBody { get; }

    /// <summary>Gets the content type of <see cref="ResponseBody"/> when <see cref="Status"/> is <see cref="WebhookProviderStatus.Respond"/>.</summary>
    public string? ResponseContentType { get; }

    /// <summary>Accepts a delivery whose JSON payload is its body.</summary>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="eventType">The provider's event type.</param>
    /// <returns>An accepted result.</returns>
    public static WebhookProviderResult Accepted(string eventId, string eventType) => Accepted(eventId, eventType, null);

    /// <summary>Accepts a delivery whose JSON payload differs from its body.</summary>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="eventType">The provider's event type.</param>
    /// <param name="payload">The JSON payload, owned by the result; <see langword="null"/> when it is the body.</param>
    /// <returns>An accepted result.</returns>
    public static WebhookProviderResult Accepted(string eventId, string eventType, byte[]? payload) => Accepted(eventId, eventType, payload, eventIdSigned: false);

    /// <summary>Accepts a delivery, saying whether its event id and type are covered by the signature.</summary>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="eventType">The provider's event type.</param>
    /// <param name="payload">The JSON payload, owned by the result; <see langword="null"/> when it is the body.</param>
    /// <param name="eventIdSigned">
    /// Whether the event id and type come from signed content; see <see cref="IsEventIdSigned"/>. Pass
    /// <see langword="false"/> when unsure: the body-digest claim then also guards against relabelled replays.
    /// </param>
    /// <returns>An accepted result.</returns>
    public static WebhookProviderResult Accepted(string eventId, string eventType, byte[]? payload, bool eventIdSigned) =>
        Accepted(eventId, eventType, payload, eventIdSigned, default);

    /// <summary>Accepts a delivery whose signature is a MAC of its raw body alone, handing on the verified MAC.</summary>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="eventType">The provider's event type.</param>
    /// <param name="payload">The JSON payload, owned by the result; <see langword="null"/> when it is the body.</param>
    /// <param name="eventIdSigned">Whether the event id and type come from signed content; see <see cref="IsEventIdSigned"/>.</param>
    /// <param name="bodyMac">The verified MAC of the raw body, owned by the result; see <see cref="BodyMac"/>. Empty when the signature covers more than the body.</param>
    /// <returns>An accepted result.</returns>
    public static WebhookProviderResult Accepted(string eventId, string eventType, byte[]? payload, bool eventIdSigned, ReadOnlyMemory<byte> bodyMac)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        return new(WebhookProviderStatus.Accepted, eventId, eventType, payload, null, eventIdSigned, bodyMac);
    }

    /// <summary>Rejects a request whose signature is missing, malformed or wrong (401).</summary>
    /// <param name="reason">A short, fixed description for the log; never a secret, signature or payload.</param>
    /// <returns>An unauthorized result.</returns>
    public static WebhookProviderResult Unauthorized(string reason) => Unauthorized(WebhookRejectionReason.Unspecified, reason);

    /// <summary>Rejects a request whose signature is missing, malformed or wrong (401), with a stable reason code.</summary>
    /// <param name="reason">Why, as a stable code.</param>
    /// <param name="description">A short, fixed description for the log; never a secret, signature or payload.</param>
    /// <returns>An unauthorized result.</returns>
    public static WebhookProviderResult Unauthorized(WebhookRejectionReason reason, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(description);
        return new(WebhookProviderStatus.Unauthorized, reason, description);
    }

    /// <summary>
    /// Rejects a request a verifier refused (401), with the verifier's reason code and description, and for a stale
    /// timestamp how far it is off.
    /// </summary>
    /// <param name="verification">The verifier's result; not verified.</param>
    /// <returns>An unauthorized result.</returns>
    public static WebhookProviderResult Unauthorized(in WebhookVerificationResult verification) =>
        Refused(WebhookProviderStatus.Unauthorized, verification);

    /// <summary>Rejects a request a verifier refused for a reason that is not about the signature (400; for example too many form fields).</summary>
    /// <param name="verification">The verifier's result; not verified.</param>
    /// <returns>A bad-request result.</returns>
    public static WebhookProviderResult BadRequest(in WebhookVerificationResult verification) =>
        Refused(WebhookProviderStatus.BadRequest, verification);

    /// <summary>Rejects a correctly signed request that lacks its event id or type, or whose body cannot be read (400).</summary>
    /// <param name="reason">A short, fixed description for the log; never a secret, signature or payload.</param>
    /// <returns>A bad-request result.</returns>
    public static WebhookProviderResult BadRequest(string reason) => BadRequest(WebhookRejectionReason.Unspecified, reason);

    /// <summary>Rejects a correctly signed request that lacks its event id or type, or whose body cannot be read (400), with a stable reason code.</summary>
    /// <param name="reason">Why, as a stable code.</param>
    /// <param name="description">A short, fixed description for the log; never a secret, signature or payload.</param>
    /// <returns>A bad-request result.</returns>
    public static WebhookProviderResult BadRequest(WebhookRejectionReason reason, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(description);
        return new(WebhookProviderStatus.BadRequest, reason, description);
    }

    /// <summary>
    /// Answers 503 with <c>Retry-After</c>: the request cannot be verified now through no fault of its own (a key or
    /// certificate the provider fetches is unreachable), so the sender should retry. Nothing is claimed or queued.
    /// </summary>
    /// <param name="reason">Why, as a stable code (for example <see cref="WebhookRejectionReason.CertificateUnavailable"/>).</param>
    /// <param name="description">A short, fixed description for the log; never a secret, signature or payload.</param>
    /// <returns>An unavailable result.</returns>
    public static WebhookProviderResult Unavailable(WebhookRejectionReason reason, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(description);
        return new(WebhookProviderStatus.Unavailable, reason, description);
    }

    private static WebhookProviderResult Refused(WebhookProviderStatus status, in WebhookVerificationResult verification)
    {
        if (verification.IsVerified)
        {
            throw new ArgumentException("The verification succeeded; a refusal needs a failed one.", nameof(verification));
        }

        var description = verification.Description.Length > 0 ? verification.Description : "signature not verified";
        return new(status, RejectionReasonCodes.Of(verification.Failure), description, verification);
    }

    /// <summary>
    /// Answers a verified handshake at once with 200 and <paramref name="body"/>, claiming and queueing nothing
    /// (for example Slack's <c>url_verification</c> challenge). Use it only after the request's signature was verified.
    /// </summary>
    /// <param name="body">The response body, owned by the result; empty for an empty 200.</param>
    /// <param name="contentType">The response content type, for example <c>text/plain; charset=utf-8</c>; required when <paramref name="body"/> is not empty.</param>
    /// <returns>A respond result.</returns>
    public static WebhookProviderResult Respond(ReadOnlyMemory<byte> body, string? contentType)
    {
        if (!body.IsEmpty)
        {
            ArgumentException.ThrowIfNullOrEmpty(contentType);
        }

        return new(body, contentType);
    }
}
