using System.Text;

namespace WebhookKit.Testing;

/// <summary>Mailgun's helper (one file per provider, so that the class stays readable).</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>
    /// Posts a Mailgun JSON webhook: <paramref name="eventData"/> beside a signature block signed with
    /// <paramref name="signingKey"/> and timestamped now. The event id is the token.
    /// </summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="eventData">The <c>event-data</c> JSON object, with its <c>event</c> (the event type).</param>
    /// <param name="signingKey">The HTTP webhook signing key the receiver is configured with.</param>
    /// <param name="token">The <c>token</c> (the event id); 50 random characters when <see langword="null"/>.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostMailgunWebhookAsync(
        this HttpClient client,
        string eventData,
        string signingKey,
        string? token = null,
        string path = "/webhooks/mailgun",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = WebhookSigner.Mailgun(signingKey).CreateWebhook(eventData, token);
        return SendAsync(client, Json(path, Encoding.UTF8.GetBytes(body)), cancellationToken);
    }
}
