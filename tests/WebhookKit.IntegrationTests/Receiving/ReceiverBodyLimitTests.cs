using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Receiving;

/// <summary>
/// Each receiver's body limit (issue 17, point 8): GitHub documents payloads up to 25 MB and never retries a 413, so its
/// receiver accepts what GitHub sends by default; a provider that documents no cap keeps 5 MiB; a receiver's own limit,
/// or a global one set by the app, wins.
/// </summary>
public sealed class ReceiverBodyLimitTests
{
    private const string Secret = "receiver-limit-secret-0123";
    private const string StripeSecret = "whsec_receiver-limit-0123456789";
    private static readonly int SixMiB = 6 * 1024 * 1024;

    [Fact]
    public async Task Post_6MiBGitHubPush_IsAcceptedByDefault_WhileStripeRefusesIt()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();

        // Act
        using var github = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: LargePush(SixMiB)));
        using var stripe = await host.Client.SendAsync(Deliveries.Stripe(StripeSecret, LargeStripeEvent(SixMiB)));

        // Assert
        github.StatusCode.Should().Be(HttpStatusCode.OK, "GitHub sends payloads up to 25 MB");
        await probe.WaitForAsync(id);
        await stripe.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        host.LogsWithEventId(6).Should().ContainSingle().Which.Message.Should().Contain("stripe").And.Contain(WebhookOptions.DefaultMaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Post_OverTheReceiversOwnLimit_Is413()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, github: o => o.MaxBodyBytes = 4096);

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), body: LargePush(8192)));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        host.LogsWithEventId(6).Should().ContainSingle().Which.Message.Should().Contain("4096");
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_OverAGlobalLimitTheAppSet_Is413EvenForGitHub()
    {
        // Arrange: an app that lowers Webhooks:MaxBodyBytes means every receiver without a limit of its own.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, webhooks: o => o.MaxBodyBytes = 4096);

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId(), body: LargePush(8192)));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    private static byte[] LargePush(int size) =>
        Encoding.UTF8.GetBytes("{\"ref\":\"refs/heads/main\",\"pad\":\"" + new string('x', size) + "\"}");

    private static byte[] LargeStripeEvent(int size) =>
        Encoding.UTF8.GetBytes("{\"id\":\"evt_large\",\"type\":\"charge.succeeded\",\"pad\":\"" + new string('x', size) + "\"}");

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<GitHubWebhookOptions>? github = null, Action<WebhookOptions>? webhooks = null) =>
        WebhookTestHost.StartAsync(
            builder =>
            {
                builder.AddGitHub(o =>
                {
                    o.Secrets.Add(Secret);
                    github?.Invoke(o);
                }).AddStripe(o => o.Secrets.Add(StripeSecret)).AddHandler<RecordingHandler<GitHubPushEvent>>();
                if (webhooks is not null)
                {
                    builder.Services.Configure(webhooks);
                }
            },
            services => services.AddSingleton(probe));
}
