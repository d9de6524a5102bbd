using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.StandardWebhooks;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>Standard Webhooks (Svix) end to end on real Kestrel through the Testing helper: handled once across a retry; another secret is refused.</summary>
public sealed class StandardWebhooksTests
{
    private const string Payload = """{"type":"user.created","timestamp":"2026-01-02T03:04:05Z","data":{"id":"user_1"}}""";

    [Fact]
    public async Task Post_FromTheTestingHelperAndItsRetry_IsHandledOnce()
    {
        // Arrange
        var probe = new HandlerProbe();
        var secret = Signatures.NewSigningToken();
        await using var host = await StartAsync(probe, secret);

        // Act: a retry has the same webhook-id, with a new timestamp and signature.
        using var first = await host.Client.PostStandardWebhooksWebhookAsync(Payload, secret, webhookId: "msg_helper_1");
        await probe.WaitForAsync("msg_helper_1");
        using var retry = await host.Client.PostStandardWebhooksWebhookAsync(Payload, secret, webhookId: "msg_helper_1");
        await host.WaitForQueueDrainAsync();

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = probe.Attempts.Should().ContainSingle().Subject;
        call.EventType.Should().Be("user.created");
        call.Payload.Should().BeOfType<StandardWebhooksEvent>().Which.Data.GetProperty("id").GetString().Should().Be("user_1");
    }

    [Fact]
    public async Task Post_FromTheTestingHelperWithoutAnId_GetsANewMessageId()
    {
        // Arrange
        var probe = new HandlerProbe();
        var secret = Signatures.NewSigningToken();
        await using var host = await StartAsync(probe, secret);

        // Act
        using var response = await host.Client.PostStandardWebhooksWebhookAsync(Payload, secret);
        await probe.WaitForCallsAsync(1);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        probe.Calls.Should().ContainSingle().Which.EventId.Should().StartWith("msg_");
    }

    [Fact]
    public async Task Post_FromTheTestingHelperWithAnotherSecret_Returns401AndRunsNoHandler()
    {
        // Arrange
        var probe = new HandlerProbe();
        var secret = Signatures.NewSigningToken();
        await using var host = await StartAsync(probe, secret);

        // Act
        using var response = await host.Client.PostStandardWebhooksWebhookAsync(Payload, Signatures.NewSigningToken());

        // Assert
        host.ShouldNotLeak(await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized), secret);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, string secret) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddStandardWebhooks(o => o.Secrets.Add(secret)).AddHandler<RecordingHandler<StandardWebhooksEvent>>(),
            services => services.AddSingleton(probe));
}
