using System.Globalization;
using System.Text;
using WebhookKit.Sample.Handlers;
using WebhookKit.Testing;

namespace WebhookKit.Sample.Demo;

/// <summary>
/// The requests the demo sends, signed with the secrets the app itself is configured with by WebhookKit.Testing's
/// signers (the ones your own tests would use; they sign as the providers document, apart from the verifiers).
/// </summary>
public static class DemoCases
{
    private const string GitHubPath = "/webhooks/github";
    private const string StripePath = "/webhooks/stripe";
    private const string GitLabPath = "/webhooks/gitlab";

    public static IReadOnlyList<DemoCase> Create(IConfiguration configuration, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        var gitHubSecret = Required(configuration, "Webhooks:GitHub:Secrets:0");
        var stripeSecret = Required(configuration, "Webhooks:Stripe:Secrets:0");
        var gitLabToken = Required(configuration, "Webhooks:GitLab:Secrets:0");
        var gitLabSigningToken = Required(configuration, "Webhooks:GitLab:SigningTokens:0");
        long Now() => timeProvider.GetUtcNow().ToUnixTimeSeconds();

        var push = Encoding.UTF8.GetBytes(DemoPayloads.GitHubPush);
        var ping = Encoding.UTF8.GetBytes(DemoPayloads.GitHubPing);
        var sponsorship = Encoding.UTF8.GetBytes(DemoPayloads.GitHubSponsorship);
        var gitLabPush = Encoding.UTF8.GetBytes(DemoPayloads.GitLabPush);
        string[] none = [];

        // GitHub: the event id is the X-GitHub-Delivery header, the same on every redelivery.
        var pushId = Guid.NewGuid().ToString();
        var pingId = Guid.NewGuid().ToString();
        var forgedId = Guid.NewGuid().ToString();
        var sponsorshipId = Guid.NewGuid().ToString();
        HttpRequestMessage GitHub(string eventType, string deliveryId, byte[] body, string signingSecret) =>
            Post(GitHubPath, body, ("X-GitHub-Event", eventType), ("X-GitHub-Delivery", deliveryId), (GitHubSigner.SignatureHeader, WebhookSigner.GitHub(signingSecret).Sign(body)));

        // Stripe: the event id and type are in the body; the signature covers a timestamp.
        var stripeId = "evt_" + Guid.NewGuid().ToString("N")[..24];
        var staleId = "evt_" + Guid.NewGuid().ToString("N")[..24];
        var stripeSigner = WebhookSigner.Stripe(stripeSecret, timeProvider);
        HttpRequestMessage Stripe(string eventId, TimeSpan age)
        {
            var signedAt = Now() - (long)age.TotalSeconds;
            var body = Encoding.UTF8.GetBytes(DemoPayloads.StripeCustomerUpdated(eventId, signedAt));
            return Post(StripePath, body, (StripeSigner.SignatureHeader, stripeSigner.Sign(body, DateTimeOffset.FromUnixTimeSeconds(signedAt))));
        }

        // GitLab: a secret token, or a Standard Webhooks signature made with a signing token.
        var tokenPushId = Guid.NewGuid().ToString();
        var signedPushId = "msg_" + Guid.NewGuid().ToString("N");
        var gitLabSigner = WebhookSigner.StandardWebhooks(gitLabSigningToken, timeProvider);
        HttpRequestMessage GitLabSigned()
        {
            var signedAt = Now().ToString(CultureInfo.InvariantCulture);
            return Post(
                GitLabPath,
                gitLabPush,
                ("X-Gitlab-Event", "Push Hook"),
                ("webhook-id", signedPushId),
                ("webhook-timestamp", signedAt),
                ("webhook-signature", gitLabSigner.Sign(signedPushId, signedAt, gitLabPush)));
        }

        return
        [
            new("GitHub push", () => GitHub("push", pushId, push, gitHubSecret), 200, "github", pushId, [nameof(GitHubPushHandler)]),
            new("GitHub push again, same X-GitHub-Delivery", () => GitHub("push", pushId, push, gitHubSecret), 200, "github", pushId, [nameof(GitHubPushHandler)]),
            new("GitHub ping", () => GitHub("ping", pingId, ping, gitHubSecret), 200, "github", pingId, [nameof(GitHubPingHandler)]),
            new("GitHub push, forged signature", () => GitHub("push", forgedId, push, "not-the-secret"), 401, "github", forgedId, none),
            new("GitHub sponsorship (no handler for it)", () => GitHub("sponsorship", sponsorshipId, sponsorship, gitHubSecret), 200, "github", sponsorshipId, none),
            new("Stripe customer.updated", () => Stripe(stripeId, TimeSpan.Zero), 200, "stripe", stripeId, [nameof(StripeWebhookHandler)]),
            new("Stripe, signed 10 minutes ago", () => Stripe(staleId, TimeSpan.FromMinutes(10)), 401, "stripe", staleId, none),
            new("GitLab push, X-Gitlab-Token", () => Post(GitLabPath, gitLabPush, ("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Event-UUID", tokenPushId), ("X-Gitlab-Token", gitLabToken)), 200, "gitlab", tokenPushId, [nameof(GitLabPushHandler)]),
            new("GitLab push, webhook-signature", GitLabSigned, 200, "gitlab", signedPushId, [nameof(GitLabPushHandler)]),
            new("GET /webhooks/github", () => new HttpRequestMessage(HttpMethod.Get, GitHubPath), 405, "github", null, none),
        ];
    }

    private static HttpRequestMessage Post(string path, byte[] body, params (string Name, string Value)[] headers)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"The demo signs with '{key}', which is not configured (see appsettings.Demo.json).");
}
