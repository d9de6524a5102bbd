using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Slack;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// Slack end to end on real Kestrel through the Testing helpers: an Events API request, an interactivity request and a
/// slash command are each handled once with their typed model; another signing secret is refused.
/// </summary>
public sealed class SlackTests
{
    private const string Secret = "slack-e2e-signing-secret-4e7c9a";

    [Fact]
    public async Task Post_EventFromTheTestingHelperAndItsRetry_IsHandledOnce()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var payload = Payloads.ReadText("slack", "event_callback.app_mention.json");

        // Act: Slack retries with the same event_id.
        using var first = await host.Client.PostSlackWebhookAsync(payload, Secret);
        await probe.WaitForAsync("Ev123ABC456");
        using var retry = await host.Client.PostSlackWebhookAsync(payload, Secret);
        await host.WaitForQueueDrainAsync();

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = probe.Attempts.Should().ContainSingle().Subject;
        call.EventType.Should().Be("app_mention");
        call.Payload.Should().BeOfType<SlackEventEnvelope>().Which.Event!.Type.Should().Be("app_mention");
    }

    [Fact]
    public async Task Post_InteractionFromTheTestingHelper_IsHandledOnceAsASlackInteraction()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        const string triggerId = "12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3";

        // Act
        using var response = await host.Client.PostSlackFormWebhookAsync([new("payload", Payloads.ReadText("slack", "block_actions.json"))], Secret);
        await probe.WaitForAsync(triggerId);
        await host.WaitForQueueDrainAsync();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = probe.Attempts.Should().ContainSingle(attempt => attempt.Handler == nameof(SlackInteraction)).Subject;
        call.EventType.Should().Be("block_actions");
        call.Payload.Should().BeOfType<SlackInteraction>().Which.User!.Id.Should().Be("UA8RXUSPL");
    }

    [Fact]
    public async Task Post_SlashCommandFromTheTestingHelper_IsHandledOnceWithItsFieldsDecoded()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        const string text = "deploy api & web = 100% ✓";

        // Act
        using var response = await host.Client.PostSlackFormWebhookAsync(
            [new("command", "/deploy"), new("text", text), new("user_id", "U2CERLKJA"), new("trigger_id", "398738663015.47445629121.helper")],
            Secret);
        await probe.WaitForAsync("398738663015.47445629121.helper");
        await host.WaitForQueueDrainAsync();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = probe.Attempts.Should().ContainSingle(attempt => attempt.Handler == nameof(SlackSlashCommand)).Subject;
        call.EventType.Should().Be("slash_command");
        var command = call.Payload.Should().BeOfType<SlackSlashCommand>().Subject;
        command.Command.Should().Be("/deploy");
        command.Text.Should().Be(text);
    }

    [Fact]
    public async Task Post_FromTheTestingHelpersWithAnotherSecret_Returns401AndRunsNoHandler()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);

        // Act
        using var json = await host.Client.PostSlackWebhookAsync(Payloads.ReadText("slack", "event_callback.app_mention.json"), "not-the-signing-secret-0000");
        using var form = await host.Client.PostSlackFormWebhookAsync([new("payload", Payloads.ReadText("slack", "block_actions.json"))], "not-the-signing-secret-0000");

        // Assert
        host.ShouldNotLeak(await json.ShouldBeProblemAsync(HttpStatusCode.Unauthorized), Secret);
        host.ShouldNotLeak(await form.ShouldBeProblemAsync(HttpStatusCode.Unauthorized), Secret);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddSlack(o => o.Secrets.Add(Secret))
                .AddHandler<RecordingHandler<SlackEventEnvelope>>()
                .AddHandler<RecordingHandler<SlackInteraction>>()
                .AddHandler<RecordingHandler<SlackSlashCommand>>(),
            services => services.AddSingleton(probe));
}
