using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.SharedToken;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// The shared-token receiver end to end on real Kestrel (docs/providers.md, "Senders that sign nothing"): a Zapier-style delivery,
/// a wrong token, the transport guards it is meant to be combined with, and replays under new unsigned ids.
/// </summary>
public sealed class SharedTokenTests
{
    private const string Token = "zapier-e2e-shared-token-9c41";
    private const string Payload = """{"zap":"new-lead","name":"Ada","email":"ada@example.com"}""";

    [Fact]
    public async Task Post_BearerTokenFromTheTestingHelper_IsHandledWithTheRawJson()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.EventIdHeader = "X-Request-Id");

        // Act
        using var response = await host.Client.PostSharedTokenWebhookAsync(Payload, Token, headers: [new("X-Request-Id", "zap-run-1")], path: "/webhooks/zapier");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync("zap-run-1");
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be("webhook");
        call.Headers.Should().ContainKey("X-Request-Id").And.NotContainKey("Authorization");
        call.Payload.Should().BeOfType<SharedTokenEvent>().Which.Json.GetProperty("email").GetString().Should().Be("ada@example.com");
    }

    [Fact]
    public async Task Post_WrongToken_Returns401AndRunsNoHandler()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);

        // Act
        using var response = await host.Client.PostSharedTokenWebhookAsync(Payload, "zapier-e2e-shared-token-9c42", path: "/webhooks/zapier");

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, Token, "zapier-e2e-shared-token-9c42");
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_ValidTokenFromOutsideAllowedIpRanges_Returns403AndRunsNoHandler()
    {
        // Arrange: the test connects from 127.0.0.1; the sender's published range is elsewhere.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.AllowedIpRanges.Add("203.0.113.0/24"));

        // Act
        using var response = await host.Client.PostSharedTokenWebhookAsync(Payload, Token, path: "/webhooks/zapier");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_ValidTokenOverPlainHttpToAReceiverRequiringHttps_Returns403AndRunsNoHandler()
    {
        // Arrange: a token sent in clear text is a token given away; the host runs as Production.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.RequireHttps = true);

        // Act
        using var response = await host.Client.PostSharedTokenWebhookAsync(Payload, Token, path: "/webhooks/zapier");

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_SameBodyWithAValidTokenUnderANewId_IsAReplayAndRunsNoHandlerAgain()
    {
        // Arrange: the id header is not signed (nothing is); the body digest is claimed too.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.EventIdHeader = "X-Request-Id");
        using (var first = await host.Client.PostSharedTokenWebhookAsync(Payload, Token, headers: [new("X-Request-Id", "zap-run-a")], path: "/webhooks/zapier"))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAsync("zap-run-a");
        await host.WaitForQueueDrainAsync();

        // Act
        using var replayed = await host.Client.PostSharedTokenWebhookAsync(Payload, Token, headers: [new("X-Request-Id", "zap-run-b")], path: "/webhooks/zapier");

        // Assert
        replayed.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<SharedTokenWebhookOptions>? configure = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddSharedToken("zapier", o =>
            {
                o.Secrets.Add(Token);
                configure?.Invoke(o);
            }).AddHandler<RecordingHandler<SharedTokenEvent>>(),
            services => services.AddSingleton(probe));
}
