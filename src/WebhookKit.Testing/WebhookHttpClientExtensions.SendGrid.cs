using System.Text;

namespace WebhookKit.Testing;

/// <summary>SendGrid's helper (one file per provider, so that the class stays readable).</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>
    /// Posts a SendGrid Event Webhook delivery, a JSON array of events, signed by <paramref name="signer"/> and
    /// timestamped now. The receiver, configured with <see cref="SendGridSigner.PublicKey"/>, identifies a batch of one
    /// event by its <c>sg_event_id</c>.
    /// </summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="payload">The JSON array of events.</param>
    /// <param name="signer">The signer whose public key the receiver is configured with.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostSendGridWebhookAsync(
        this HttpClient client,
        string payload,
        SendGridSigner signer,
        string path = "/webhooks/sendgrid",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(signer);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var signature = signer.Sign(body, out var timestamp);
        var request = Json(path, body);
        request.Headers.Add(SendGridSigner.TimestampHeader, timestamp);
        request.Headers.Add(SendGridSigner.SignatureHeader, signature);
        return SendAsync(client, request, cancellationToken);
    }
}
