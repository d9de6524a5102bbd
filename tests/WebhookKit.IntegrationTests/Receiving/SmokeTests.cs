using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Receiving;

public sealed class SmokeTests
{
    private const string Secret = "smoke-secret";

    public sealed class PushHandler(HandlerProbe probe) : IWebhookHandler<GitHubPushEvent>
    {
        public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
        {
            probe.Record(nameof(PushHandler) + ":" + webhook.Payload.Ref, webhook.EventId, webhook.Attempt);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task GitHubPush_SignedDelivery_IsHandledInBackground()
    {
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<PushHandler>(),
            services => services.AddSingleton(probe));
        var body = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", "github", "push.json"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-GitHub-Event", "push");
        request.Headers.Add("X-GitHub-Delivery", "smoke-1");
        request.Headers.Add("X-Hub-Signature-256", Signatures.GitHub(Secret, body));

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync("smoke-1");
        probe.Calls.Should().ContainSingle().Which.Handler.Should().StartWith("PushHandler:refs/");
    }
}
