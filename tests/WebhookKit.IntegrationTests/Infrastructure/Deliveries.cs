using System.Net.Http.Headers;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>Builds deliveries the way each provider sends them, signed by <see cref="Signatures"/>.</summary>
public static class Deliveries
{
    /// <summary>A POST with a body and raw headers (added without validation, exactly as given).</summary>
    public static HttpRequestMessage Post(string path, byte[] body, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value).Should().BeTrue($"header {name} should be addable");
        }

        return request;
    }

    /// <summary>A GitHub JSON delivery signed with <c>X-Hub-Signature-256</c>; <paramref name="body"/> defaults to the push payload, unique to <paramref name="deliveryId"/>.</summary>
    public static HttpRequestMessage GitHub(string secret, string deliveryId, string eventType = "push", byte[]? body = null, string receiver = "github")
    {
        body ??= Payloads.GitHubPush(deliveryId);
        return Post(
            $"/webhooks/{receiver}",
            body,
            "application/json",
            ("X-GitHub-Event", eventType),
            ("X-GitHub-Delivery", deliveryId),
            ("X-GitHub-Hook-ID", "292430182"),
            ("User-Agent", "GitHub-Hookshot/044aadd"),
            ("X-Hub-Signature-256", Signatures.GitHub(secret, body)));
    }

    /// <summary>A Stripe delivery signed at <paramref name="timestamp"/> (now by default).</summary>
    public static HttpRequestMessage Stripe(string secret, byte[] body, long? timestamp = null, string receiver = "stripe") =>
        Post(
            $"/webhooks/{receiver}",
            body,
            "application/json; charset=utf-8",
            ("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)"),
            ("Stripe-Signature", Signatures.Stripe(secret, timestamp ?? Signatures.Now(), body)));

    /// <summary>A GitLab delivery authenticated with <c>X-Gitlab-Token</c>, identified by <c>X-Gitlab-Event-UUID</c>.</summary>
    public static HttpRequestMessage GitLabToken(string token, string eventUuid, string eventType = "Push Hook", byte[]? body = null, string receiver = "gitlab") =>
        Post(
            $"/webhooks/{receiver}",
            body ?? Payloads.GitLabPush(eventUuid),
            "application/json",
            ("X-Gitlab-Event", eventType),
            ("X-Gitlab-Event-UUID", eventUuid),
            ("X-Gitlab-Instance", "https://gitlab.example.com"),
            ("User-Agent", "GitLab/18.0.0"),
            ("X-Gitlab-Token", token));

    /// <summary>A GitLab delivery signed per Standard Webhooks with a signing token, identified by <c>webhook-id</c>.</summary>
    public static HttpRequestMessage GitLabSigned(string signingToken, string webhookId, string eventType = "Push Hook", byte[]? body = null, long? timestamp = null, string receiver = "gitlab")
    {
        body ??= Payloads.GitLabPush();
        var signedAt = timestamp ?? Signatures.Now();
        return Post(
            $"/webhooks/{receiver}",
            body,
            "application/json",
            ("X-Gitlab-Event", eventType),
            ("X-Gitlab-Instance", "https://gitlab.example.com"),
            ("User-Agent", "GitLab/18.0.0"),
            ("webhook-id", webhookId),
            ("webhook-timestamp", signedAt.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("webhook-signature", Signatures.StandardWebhooks(signingToken, webhookId, signedAt, body)));
    }

    /// <summary>Replaces (or removes, when <paramref name="value"/> is null) a request header.</summary>
    public static HttpRequestMessage WithHeader(this HttpRequestMessage request, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.Remove(name);
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    /// <summary>Gets the single value of a request header, for example to check that a signature does not leak.</summary>
    public static string Header(this HttpRequestMessage request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.GetValues(name).Single();
    }
}
