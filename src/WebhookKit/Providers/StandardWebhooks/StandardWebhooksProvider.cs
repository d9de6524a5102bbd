using System.Text;
using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.StandardWebhooks;

/// <summary>
/// Standard Webhooks (and Svix): <c>webhook-signature: v1,&lt;base64&gt; …</c> over <c>{webhook-id}.{webhook-timestamp}.{body}</c>,
/// keyed with the base64 after <c>whsec_</c>; Svix's <c>svix-*</c> header names are accepted too. Id from
/// <c>webhook-id</c>; type from a top-level JSON property (<c>type</c> by default).
/// </summary>
internal sealed class StandardWebhooksProvider : IWebhookProviderPrecheck
{
    public const string ProviderName = "standardwebhooks";

    private static readonly string[] Forwarded =
        [StandardWebhooksSignature.IdHeader, StandardWebhooksSignature.TimestampHeader, StandardWebhooksSignature.SvixIdHeader, StandardWebhooksSignature.SvixTimestampHeader, "User-Agent"];

    private readonly StandardWebhooksWebhookVerifier _verifier;
    private readonly byte[] _eventTypeProperty;

    public StandardWebhooksProvider(StandardWebhooksWebhookOptions options, TimeProvider timeProvider)
    {
        _verifier = new StandardWebhooksWebhookVerifier(options, timeProvider);
        _eventTypeProperty = Encoding.UTF8.GetBytes(options.EventTypeProperty);
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } =
        [[StandardWebhooksSignature.SignatureHeader, StandardWebhooksSignature.SvixSignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        var body = request.Body.Span;
        var verified = _verifier.Verify(headers, body, out var idHeader);
        if (!verified.IsVerified)
        {
            return WebhookProviderResult.Unauthorized(verified);
        }

        // Verify proved the id header is present, single and non-empty; it is signed, and so is the type (from the body).
        var eventId = headers[idHeader].ToString();
        return TopLevelJsonScanner.TryReadValues(body, _eventTypeProperty, default, acceptNumbers: false, out var eventType, out _)
            && !string.IsNullOrEmpty(eventType)
                ? WebhookProviderResult.Accepted(eventId, eventType, null, eventIdSigned: true)
                : WebhookProviderResult.BadRequest(TopLevelJsonScanner.RefusalOf(body, _eventTypeProperty, default), "Standard Webhooks body is not a JSON object with the configured string event type property, once");
    }
}
