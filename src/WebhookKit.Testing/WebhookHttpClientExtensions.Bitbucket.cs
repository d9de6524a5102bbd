using System.Text;

namespace WebhookKit.Testing;

/// <summary>Posts a Bitbucket Cloud delivery.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>Posts a Bitbucket Cloud delivery signed with <c>X-Hub-Signature: sha256=…</c>.</summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="eventKey">The <c>X-Event-Key</c> value, for example <c>repo:push</c>.</param>
    /// <param name="payload">The JSON payload.</param>
    /// <param name="secret">The webhook secret the receiver is configured with.</param>
    /// <param name="requestUuid">The <c>X-Request-UUID</c> (the event id); a new GUID when <see langword="null"/>.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostBitbucketWebhookAsync(
        this HttpClient client,
        string eventKey,
        string payload,
        string secret,
        string? requestUuid = null,
        string path = "/webhooks/bitbucket",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(eventKey);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var request = Json(path, body);
        request.Headers.Add("X-Event-Key", eventKey);
        request.Headers.Add("X-Request-UUID", requestUuid ?? Guid.NewGuid().ToString());
        request.Headers.Add(BitbucketSigner.SignatureHeader, WebhookSigner.Bitbucket(secret).Sign(body));
        return SendAsync(client, request, cancellationToken);
    }
}
