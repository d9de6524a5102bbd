using System.Text;

namespace WebhookKit.Testing;

/// <summary>Posts a Standard Webhooks (Svix) delivery.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>
    /// Posts a Standard Webhooks (Svix) delivery signed with <c>webhook-signature</c>, timestamped now. The event type is
    /// the payload's <c>type</c> (the receiver's <c>EventTypeProperty</c>).
    /// </summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="payload">The JSON payload, for example <c>{"type":"user.created","timestamp":"…","data":{…}}</c>.</param>
    /// <param name="secret">The signing secret (<c>whsec_…</c>) the receiver is configured with.</param>
    /// <param name="webhookId">The <c>webhook-id</c> (the event id); a new <c>msg_…</c> id when <see langword="null"/>.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostStandardWebhooksWebhookAsync(
        this HttpClient client,
        string payload,
        string secret,
        string? webhookId = null,
        string path = "/webhooks/standardwebhooks",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        return SendAsync(client, SignStandardWebhooks(Json(path, body), body, secret, webhookId), cancellationToken);
    }

    /// <summary>Adds <c>webhook-id</c>, <c>webhook-timestamp</c> and <c>webhook-signature</c> (Standard Webhooks, and GitLab signing tokens).</summary>
    private static HttpRequestMessage SignStandardWebhooks(HttpRequestMessage request, byte[] body, string secret, string? webhookId)
    {
        var id = webhookId ?? "msg_" + Guid.NewGuid().ToString("N");
        var signature = WebhookSigner.StandardWebhooks(secret).Sign(id, body, out var timestamp);
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", signature);
        return request;
    }
}
