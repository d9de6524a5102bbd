using System.Text;
using WebhookKit.Hmac;

namespace WebhookKit.Testing;

/// <summary>Posts a delivery to a generic HMAC receiver.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>
    /// Posts a JSON delivery to a generic HMAC receiver (<c>AddHmac</c>), signed as <paramref name="scheme"/> says: its
    /// signature header, prefix, algorithm, encoding and signed content, timestamped now when it has a
    /// <see cref="HmacWebhookOptions.TimestampHeader"/>. Pass the receiver's own options, for example
    /// <c>IOptionsMonitor&lt;HmacWebhookOptions&gt;.Get("billing")</c> from the app, or options set up the same way.
    /// </summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="path">The receiver's path, <c>/webhooks/{receiverName}</c> by default.</param>
    /// <param name="payload">The JSON payload; it holds the event id or type when the scheme reads them from properties.</param>
    /// <param name="secret">The secret the receiver is configured with (the scheme's <see cref="WebhookReceiverOptions.Secrets"/> are not used).</param>
    /// <param name="scheme">The receiver's options.</param>
    /// <param name="eventId">The <see cref="HmacWebhookOptions.EventIdHeader"/> value; a new GUID when <see langword="null"/>. Only for a scheme with that header.</param>
    /// <param name="eventType">The <see cref="HmacWebhookOptions.EventTypeHeader"/> value, required for a scheme with that header and only then.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    /// <exception cref="ArgumentException">An id or type is given that the scheme reads from the body, or a type the scheme needs is missing.</exception>
    public static Task<HttpResponseMessage> PostHmacWebhookAsync(
        this HttpClient client,
        string path,
        string payload,
        string secret,
        HmacWebhookOptions scheme,
        string? eventId = null,
        string? eventType = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(scheme);
        var idHeader = string.IsNullOrWhiteSpace(scheme.EventIdHeader) ? null : scheme.EventIdHeader;
        var typeHeader = string.IsNullOrWhiteSpace(scheme.EventTypeHeader) ? null : scheme.EventTypeHeader;

        // An id or type the receiver would never read is a mistake in the test, not something to drop silently.
        if (idHeader is null && eventId is not null)
        {
            throw new ArgumentException("The scheme reads the event id from the body (EventIdProperty): put it in the payload.", nameof(eventId));
        }

        if (typeHeader is null && eventType is not null)
        {
            throw new ArgumentException("The scheme reads the event type from the body (EventTypeProperty): put it in the payload.", nameof(eventType));
        }

        if (typeHeader is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(eventType);
        }

        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var id = idHeader is null ? null : eventId ?? Guid.NewGuid().ToString();
        var signer = WebhookSigner.Hmac(secret, scheme);
        var signature = signer.Sign(body, id, out var timestamp);
        var request = Json(path, body);
        request.Headers.TryAddWithoutValidation(signer.SignatureHeader, signature);
        if (signer.TimestampHeader is not null)
        {
            request.Headers.Add(signer.TimestampHeader, timestamp);
        }

        if (idHeader is not null)
        {
            request.Headers.Add(idHeader, id);
        }

        if (typeHeader is not null)
        {
            request.Headers.Add(typeHeader, eventType);
        }

        return SendAsync(client, request, cancellationToken);
    }
}
