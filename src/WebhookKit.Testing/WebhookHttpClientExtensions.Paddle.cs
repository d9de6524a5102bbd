using System.Text;

namespace WebhookKit.Testing;

/// <summary>Posts a Paddle Billing delivery.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>Posts a Paddle Billing delivery signed with <c>Paddle-Signature</c>, timestamped now. The event id and type are the payload's <c>event_id</c> and <c>event_type</c>.</summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="payload">The notification JSON, with top-level <c>event_id</c> and <c>event_type</c>.</param>
    /// <param name="secret">The endpoint secret key the receiver is configured with.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostPaddleWebhookAsync(
        this HttpClient client,
        string payload,
        string secret,
        string path = "/webhooks/paddle",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var request = Json(path, body);
        request.Headers.Add(PaddleSigner.SignatureHeader, WebhookSigner.Paddle(secret).Sign(body));
        return SendAsync(client, request, cancellationToken);
    }
}
