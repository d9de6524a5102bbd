using Microsoft.Extensions.Logging;
using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.PayPal;

/// <summary>
/// PayPal: an RSA signature by a certificate PayPal names per request (<see cref="PayPalWebhookVerifier"/>). The id and
/// type are the signed body's top-level <c>id</c> (<c>WH-…</c>, the same on every retry) and <c>event_type</c>, each at
/// most once. The one provider that may wait on the receive path: for a certificate URL not fetched yet, which
/// <see cref="ReadAsync"/> fetches once, shared by every request that names it.
/// </summary>
internal sealed class PayPalWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "paypal";

    private static readonly string[] Forwarded = [PayPalWebhookVerifier.TransmissionIdHeader, PayPalWebhookVerifier.TransmissionTimeHeader];

    private readonly PayPalWebhookVerifier _verifier;

    public PayPalWebhookProvider(PayPalWebhookOptions options, IHttpClientFactory httpClients, TimeProvider timeProvider, ILogger? logger, string receiver) =>
        _verifier = new PayPalWebhookVerifier(options, httpClients, timeProvider, logger, receiver);

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } =
    [
        [PayPalWebhookVerifier.TransmissionIdHeader], [PayPalWebhookVerifier.TransmissionTimeHeader], [PayPalWebhookVerifier.TransmissionSignatureHeader],
        [PayPalWebhookVerifier.CertificateUrlHeader], [PayPalWebhookVerifier.AuthAlgorithmHeader],
    ];

    internal PayPalWebhookVerifier Verifier => _verifier;

    /// <summary>
    /// Synchronous callers never wait for a fetch: with the certificate not fetched yet the answer is 503 (the fetch
    /// has started, so a retry finds it). The receive path calls <see cref="ReadAsync"/>.
    /// </summary>
    public WebhookProviderResult Read(WebhookRequest request)
    {
        var pending = ReadAsync(request, CancellationToken.None);
        return pending.IsCompletedSuccessfully
            ? pending.Result
            : WebhookProviderResult.Unavailable(WebhookRejectionReason.CertificateUnavailable, "the PayPal certificate is being fetched; Read does not wait (ReadAsync does)");
    }

    public ValueTask<WebhookProviderResult> ReadAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var verifying = _verifier.VerifyAsync(request.Headers, request.Body, cancellationToken);
        return verifying.IsCompletedSuccessfully
            ? new(Identify(verifying.Result, request.Body.Span))
            : IdentifyAsync(verifying, request.Body);
    }

    private static async ValueTask<WebhookProviderResult> IdentifyAsync(ValueTask<WebhookVerificationResult> verifying, ReadOnlyMemory<byte> body) =>
        Identify(await verifying.ConfigureAwait(false), body.Span);

    private static WebhookProviderResult Identify(in WebhookVerificationResult verified, ReadOnlySpan<byte> body)
    {
        if (!verified.IsVerified)
        {
            return verified.Failure == WebhookVerificationFailure.CertificateUnavailable
                ? WebhookProviderResult.Unavailable(WebhookRejectionReason.CertificateUnavailable, verified.Description)
                : WebhookProviderResult.Unauthorized(verified);
        }

        // The CRC in the signed content covers the body, so id and type are signed (each at most once, or the dedupe
        // key and PayPalEvent.Id could differ).
        return TopLevelJsonScanner.TryReadStrings(body, "id"u8, "event_type"u8, out var id, out var type)
            ? WebhookProviderResult.Accepted(id, type, null, eventIdSigned: true)
            : WebhookProviderResult.BadRequest(TopLevelJsonScanner.RefusalOf(body, "id"u8, "event_type"u8), "PayPal body is not a JSON object with one string id and one string event_type");
    }
}
