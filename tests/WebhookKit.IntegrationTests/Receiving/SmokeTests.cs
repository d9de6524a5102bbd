using System.Text;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Stripe;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Receiving;

/// <summary>One delivery per provider end to end, sent and awaited with WebhookKit.Testing, as a user's test would.</summary>
public sealed class SmokeTests
{
    private const string GitHubSecret = "smoke-github-secret";
    private const string StripeSecret = "whsec_smoke_stripe_secret";
    private const string GitLabToken = "smoke-gitlab-token";
    private static readonly string GitLabSigningToken = Signatures.NewSigningToken();

    public sealed class PushHandler(HandlerProbe probe) : IWebhookHandler<GitHubPushEvent>
    {
        public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
        {
            probe.Record(nameof(PushHandler) + ":" + webhook.Payload.Ref, webhook.EventId, webhook.Attempt);
            return Task.CompletedTask;
        }
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddGitHub(o => o.Secrets.Add(GitHubSecret))
                .AddStripe(o => o.Secrets.Add(StripeSecret))
                .AddGitLab(o =>
                {
                    o.Secrets.Add(GitLabToken);
                    o.SigningTokens.Add(GitLabSigningToken);
                })
                .AddHandler<PushHandler>()
                .AddHandler<RecordingHandler<StripeEvent>>()
                .AddHandler<RecordingHandler<GitLabPushEvent>>(),
            services => services.AddSingleton(probe).AddWebhookTesting());

    [Fact]
    public async Task GitHubPush_SignedDelivery_IsHandledInBackground()
    {
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var tracker = host.GetRequiredService<WebhookDeliveryTracker>();

        using var response = await host.Client.PostGitHubWebhookAsync("push", Payloads.ReadText("github", "push.json"), GitHubSecret, "smoke-1");
        var finished = await tracker.WaitForEventAsync("smoke-1", TimeSpan.FromSeconds(20));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        finished.Handled.Should().BeTrue();
        probe.Calls.Should().ContainSingle().Which.Handler.Should().StartWith("PushHandler:refs/");
    }

    [Fact]
    public async Task StripeAndGitLab_SignedDeliveries_AreHandledInBackground()
    {
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var tracker = host.GetRequiredService<WebhookDeliveryTracker>();
        var stripeId = Payloads.NewId("evt_");
        var gitLabPush = Payloads.ReadText("gitlab", "push-event.json");

        using var stripe = await host.Client.PostStripeWebhookAsync("{\"id\":\"" + stripeId + "\",\"object\":\"event\",\"type\":\"customer.updated\",\"data\":{\"object\":{}}}", StripeSecret);
        using var gitLab = await host.Client.PostGitLabWebhookAsync("Push Hook", gitLabPush, GitLabToken, "smoke-gitlab-1");
        using var gitLabSigned = await host.Client.PostGitLabSignedWebhookAsync("Push Hook", Encoding.UTF8.GetString(Payloads.GitLabPush("msg_smoke_2")), GitLabSigningToken, "msg_smoke_2");

        new[] { stripe.StatusCode, gitLab.StatusCode, gitLabSigned.StatusCode }.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        (await tracker.WaitForEventAsync(stripeId, TimeSpan.FromSeconds(20))).Handled.Should().BeTrue();
        (await tracker.WaitForEventAsync("smoke-gitlab-1", TimeSpan.FromSeconds(20))).Handled.Should().BeTrue();
        (await tracker.WaitForEventAsync("msg_smoke_2", TimeSpan.FromSeconds(20))).Handled.Should().BeTrue();
    }

    [Fact]
    public async Task Tracker_FailingHandler_ReportsTheDeadLetter()
    {
        var probe = new HandlerProbe { Behavior = (_, _) => throw new InvalidOperationException("always") };
        await using var host = await WebhookTestHost.StartAsync(
            webhooks =>
            {
                webhooks.AddStripe(o => o.Secrets.Add(StripeSecret)).AddHandler<RecordingHandler<StripeEvent>>();
                webhooks.Services.Configure<WebhookOptions>(o => o.MaxAttempts = 1);
            },
            services => services.AddSingleton(probe).AddWebhookTesting());
        var tracker = host.GetRequiredService<WebhookDeliveryTracker>();
        var id = Payloads.NewId("evt_");

        using var response = await host.Client.PostStripeWebhookAsync($$"""{"id":"{{id}}","type":"invoice.paid"}""", StripeSecret);
        var finished = await tracker.WaitForEventAsync(id, TimeSpan.FromSeconds(20));

        finished.Handled.Should().BeFalse();
        finished.DeadLetter!.Reason.Should().Contain("InvalidOperationException");
        (await tracker.GetDeadLettersAsync()).Should().ContainSingle(d => d.Delivery.EventId == id);
    }

    [Fact]
    public async Task Tracker_EventThatIsNeverQueued_TimesOutWithAClearMessage()
    {
        await using var host = await StartAsync(new HandlerProbe());
        var tracker = host.GetRequiredService<WebhookDeliveryTracker>();

        using var response = await host.Client.PostGitHubWebhookAsync("push", "{}", "wrong-secret", "never-queued");
        var wait = () => tracker.WaitForEventAsync("never-queued", TimeSpan.FromMilliseconds(200));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await wait.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain("never-queued").And.Contain("not 200");
    }
}
