using WebhookKit.Internal;

namespace WebhookKit.Stripe;

/// <summary>
/// Stripe: <c>Stripe-Signature: t=&lt;unix&gt;,v1=&lt;hex&gt;[,v1=…][,v0=…]</c> over <c>"{t}.{raw body}"</c>, keyed with
/// the whole <c>whsec_…</c> string. Any <c>v1</c> matching any secret is accepted; other schemes are ignored.
/// Id and type are the body's top-level <c>id</c> and <c>type</c>.
/// </summary>
internal sealed class StripeWebhookProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "stripe";

    private readonly StripeWebhookVerifier _verifier;

    public StripeWebhookProvider(StripeWebhookOptions options, TimeProvider timeProvider) =>
        _verifier = new StripeWebhookVerifier(options, timeProvider);

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => [];

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [[StripeWebhookVerifier.SignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var body = request.Body.Span;
        var verified = _verifier.Verify(request.Headers, body);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        // Id and type come from the signed body (each at most once, or the dedupe key and StripeEvent.Id could differ).
        return TopLevelJsonScanner.TryReadStrings(body, "id"u8, "type"u8, out var id, out var type)
            ? WebhookProviderResult.Accepted(id, type, null, eventIdSigned: true)
            : WebhookProviderResult.BadRequest(TopLevelJsonScanner.RefusalOf(body, "id"u8, "type"u8), "Stripe body is not a JSON object with one string id and one string type");
    }

    /// <summary>Step 4 of the receive path on its own, as the benchmarks compare it with Stripe.net: the verifier's answer.</summary>
    internal bool VerifySignature(Microsoft.AspNetCore.Http.IHeaderDictionary headers, ReadOnlySpan<byte> body, out string failureReason)
    {
        var verified = _verifier.Verify(headers, body);
        failureReason = verified.Description;
        return verified.IsVerified;
    }
}
