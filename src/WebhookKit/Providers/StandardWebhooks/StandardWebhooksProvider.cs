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

    private readonly byte[][] _keys;
    private readonly byte[] _eventTypeProperty;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    public StandardWebhooksProvider(StandardWebhooksOptions options, TimeProvider timeProvider)
    {
        _keys = [.. options.Secrets.Select(secret => StandardWebhooksSignature.TryDecodeSecret(secret, out var key)
            ? key
            : throw new InvalidOperationException("A Standard Webhooks secret is not 'whsec_' followed by base64."))];
        _eventTypeProperty = Encoding.UTF8.GetBytes(options.EventTypeProperty);
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
    }

    public string Name => ProviderName;

    public IReadOnlyList<string> ForwardedHeaders => Forwarded;

    public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } =
        [[StandardWebhooksSignature.SignatureHeader, StandardWebhooksSignature.SvixSignatureHeader]];

    public WebhookProviderResult Read(WebhookRequest request)
    {
        var headers = request.Headers;
        if (!StandardWebhooksSignature.TryFindHeaders(headers, out var names))
        {
            return WebhookProviderResult.Unauthorized("webhook-signature (or svix-signature) missing");
        }

        var body = request.Body.Span;
        if (!StandardWebhooksSignature.Verify(headers, names, body, _keys, _timeProvider, _tolerance, out var reason))
        {
            return WebhookProviderResult.Unauthorized(reason);
        }

        // Verify proved the id header is present, single and non-empty; it is signed, and so is the type (from the body).
        var eventId = headers[names.Id].ToString();
        return TopLevelJsonScanner.TryReadValues(body, _eventTypeProperty, default, acceptNumbers: false, out var eventType, out _)
            && !string.IsNullOrEmpty(eventType)
                ? WebhookProviderResult.Accepted(eventId, eventType, null, eventIdSigned: true)
                : WebhookProviderResult.BadRequest("Standard Webhooks body is not a JSON object with the configured string event type property, once");
    }
}
