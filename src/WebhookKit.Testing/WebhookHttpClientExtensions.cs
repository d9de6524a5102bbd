using System.Net.Http.Headers;
using System.Text;

namespace WebhookKit.Testing;

/// <summary>Posts correctly signed deliveries, as each provider sends them, in one call.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>Posts a GitHub delivery signed with <c>X-Hub-Signature-256</c>.</summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="eventType">The <c>X-GitHub-Event</c> value, for example <c>push</c>.</param>
    /// <param name="payload">The JSON payload.</param>
    /// <param name="secret">The webhook secret the receiver is configured with.</param>
    /// <param name="deliveryId">The <c>X-GitHub-Delivery</c> (the event id); a new GUID when <see langword="null"/>.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostGitHubWebhookAsync(
        this HttpClient client,
        string eventType,
        string payload,
        string secret,
        string? deliveryId = null,
        string path = "/webhooks/github",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var request = Json(path, body);
        request.Headers.Add("X-GitHub-Event", eventType);
        request.Headers.Add("X-GitHub-Delivery", deliveryId ?? Guid.NewGuid().ToString());
        request.Headers.Add(GitHubSigner.SignatureHeader, WebhookSigner.GitHub(secret).Sign(body));
        return SendAsync(client, request, cancellationToken);
    }

    /// <summary>Posts a Stripe delivery signed with <c>Stripe-Signature</c>, timestamped now. The event id and type are the payload's <c>id</c> and <c>type</c>.</summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="payload">The event JSON, with top-level <c>id</c> and <c>type</c>.</param>
    /// <param name="secret">The endpoint signing secret (<c>whsec_…</c>) the receiver is configured with.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostStripeWebhookAsync(
        this HttpClient client,
        string payload,
        string secret,
        string path = "/webhooks/stripe",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var request = Json(path, body);
        request.Headers.Add(StripeSigner.SignatureHeader, WebhookSigner.Stripe(secret).Sign(body));
        return SendAsync(client, request, cancellationToken);
    }

    /// <summary>Posts a GitLab delivery authenticated with <c>X-Gitlab-Token</c>.</summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="eventType">The <c>X-Gitlab-Event</c> value, for example <c>Push Hook</c>.</param>
    /// <param name="payload">The JSON payload.</param>
    /// <param name="token">The secret token the receiver is configured with.</param>
    /// <param name="eventUuid">The <c>X-Gitlab-Event-UUID</c> (the event id); a new GUID when <see langword="null"/>.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostGitLabWebhookAsync(
        this HttpClient client,
        string eventType,
        string payload,
        string token,
        string? eventUuid = null,
        string path = "/webhooks/gitlab",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        ArgumentException.ThrowIfNullOrEmpty(token);
        var request = Json(path, Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload))));
        request.Headers.Add("X-Gitlab-Event", eventType);
        request.Headers.Add("X-Gitlab-Event-UUID", eventUuid ?? Guid.NewGuid().ToString());
        request.Headers.Add("X-Gitlab-Token", token);
        return SendAsync(client, request, cancellationToken);
    }

    /// <summary>Posts a GitLab delivery signed with a signing token (Standard Webhooks <c>webhook-signature</c>).</summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="eventType">The <c>X-Gitlab-Event</c> value, for example <c>Push Hook</c>.</param>
    /// <param name="payload">The JSON payload.</param>
    /// <param name="signingToken">The signing token (<c>whsec_…</c>) the receiver is configured with.</param>
    /// <param name="webhookId">The <c>webhook-id</c> (the event id); a new id when <see langword="null"/>.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostGitLabSignedWebhookAsync(
        this HttpClient client,
        string eventType,
        string payload,
        string signingToken,
        string? webhookId = null,
        string path = "/webhooks/gitlab",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var request = SignStandardWebhooks(Json(path, body), body, signingToken, webhookId);
        request.Headers.Add("X-Gitlab-Event", eventType);
        return SendAsync(client, request, cancellationToken);
    }

    private static HttpRequestMessage Json(string path, byte[] body)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.RelativeOrAbsolute)) { Content = content };
    }

    /// <summary>Form-encodes fields in the given order, as the exact bytes a signature is then computed over.</summary>
    private static byte[] FormBody(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return Encoding.UTF8.GetBytes(string.Join('&', fields.Select(static field =>
            Uri.EscapeDataString(field.Key ?? throw new ArgumentException("A form field has no name.", nameof(fields)))
            + "=" + Uri.EscapeDataString(field.Value ?? string.Empty))));
    }

    private static HttpRequestMessage Form(string path, byte[] body)
    {
        var request = Json(path, body);
        request.Content!.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return request;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }
}
