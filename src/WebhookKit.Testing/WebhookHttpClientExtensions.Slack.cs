using System.Text;

namespace WebhookKit.Testing;

/// <summary>Posts Slack requests: Events API JSON, and the form posts of slash commands and interactivity.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>
    /// Posts a Slack Events API request signed with <c>X-Slack-Signature</c>, timestamped now. The event id and type are
    /// the payload's <c>event_id</c> and <c>event.type</c> (or its top-level <c>type</c>, as <c>url_verification</c>).
    /// </summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="payload">The JSON envelope, for example <c>{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention",…}}</c>.</param>
    /// <param name="signingSecret">The app's signing secret the receiver is configured with.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostSlackWebhookAsync(
        this HttpClient client,
        string payload,
        string signingSecret,
        string path = "/webhooks/slack",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        return SendAsync(client, SignSlack(Json(path, body), body, signingSecret), cancellationToken);
    }

    /// <summary>
    /// Posts a Slack form request signed with <c>X-Slack-Signature</c>, timestamped now: a slash command (its fields,
    /// with <c>command</c> and <c>trigger_id</c>, the event id), or an interactivity request (one field, <c>payload</c>,
    /// the JSON whose <c>type</c> and <c>trigger_id</c> are the event type and id).
    /// </summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="fields">The form fields, sent form-encoded in this order.</param>
    /// <param name="signingSecret">The app's signing secret the receiver is configured with.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostSlackFormWebhookAsync(
        this HttpClient client,
        IEnumerable<KeyValuePair<string, string>> fields,
        string signingSecret,
        string path = "/webhooks/slack",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = FormBody(fields);
        return SendAsync(client, SignSlack(Form(path, body), body, signingSecret), cancellationToken);
    }

    private static HttpRequestMessage SignSlack(HttpRequestMessage request, byte[] body, string signingSecret)
    {
        var signature = WebhookSigner.Slack(signingSecret).Sign(body, out var timestamp);
        request.Headers.Add(SlackSigner.TimestampHeader, timestamp);
        request.Headers.Add(SlackSigner.SignatureHeader, signature);
        return request;
    }
}
