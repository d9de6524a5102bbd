using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;
using static WebhookKit.IntegrationTests.Dispatch.PoisonDeliveryFixtures;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>
/// Several models bound to one event: a model that does not deserialize fails only its own handlers; the others run
/// (and retry) as usual, then the delivery is dead-lettered naming the model (issue #14).
/// </summary>
public sealed class PartialModelFailureTests
{
    [Fact]
    public async Task Post_OneOfTwoModelsThrows_OtherModelsHandlerRunsAndDeliveryIsDeadLettered()
    {
        // Arrange: the user's UnreadablePush next to the built-in GitHubPushEvent, both bound to push.
        var probe = new HandlerProbe();
        await using var host = await StartWithUnreadablePushAsync(probe);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await probe.WaitForAsync(id);
        var deadLetter = await WaitForDeadLetterAsync(host, id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var handled = probe.Calls.Should().ContainSingle().Subject;
        handled.Handler.Should().Be(nameof(GitHubPushEvent));
        handled.Payload.Should().BeOfType<GitHubPushEvent>().Which.Ref.Should().Be(Payloads.GitHubPushRef);
        probe.Attempts.Should().NotContain(call => call.Handler == nameof(UnreadablePush));
        deadLetter.Attempts.Should().Be(1);
        deadLetter.Reason.Should().Be($"could not be read as {nameof(UnreadablePush)}: {nameof(FormatException)}");
        host.LogsWithEventId(22).Should().BeEmpty("the delivery was not handled in full");
    }

    [Fact]
    public async Task Post_OneModelThrowsAndOtherHandlerFailsOnce_OtherHandlerRetriedThenDeliveryDeadLettered()
    {
        // Arrange: the readable model's handler fails its first attempt; a deserialization failure is not retried.
        var probe = new HandlerProbe { Behavior = static (call, _) => call.Attempt == 1 ? throw new InvalidOperationException("transient") : Task.CompletedTask };
        await using var host = await StartWithUnreadablePushAsync(probe);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        var deadLetter = await WaitForDeadLetterAsync(host, id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        probe.Attempts.Select(call => (call.Handler, call.Attempt)).Should().Equal((nameof(GitHubPushEvent), 1), (nameof(GitHubPushEvent), 2));
        probe.Calls.Should().ContainSingle().Which.Attempt.Should().Be(2);
        deadLetter.Attempts.Should().Be(2);
        deadLetter.Reason.Should().Be($"could not be read as {nameof(UnreadablePush)}: {nameof(FormatException)}");
        host.LogsWithEventId(40).Should().ContainSingle("the model is deserialized once per delivery, not per attempt");
    }

    [Fact]
    public async Task Post_OneModelThrowsAndOtherHandlerAlwaysFails_ReasonNamesBoth()
    {
        // Arrange
        var probe = new HandlerProbe { Behavior = static (_, _) => throw new InvalidOperationException("permanent") };
        await using var host = await StartWithUnreadablePushAsync(probe);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        var deadLetter = await WaitForDeadLetterAsync(host, id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        deadLetter.Attempts.Should().Be(3);
        deadLetter.Reason.Should().Be($"RecordingHandler`1 threw {nameof(InvalidOperationException)}; could not be read as {nameof(UnreadablePush)}: {nameof(FormatException)}");
    }

    [Fact]
    public async Task ReplayAsync_AfterOneModelFailed_RunsEveryHandlerAgain()
    {
        // Arrange: a replay is a new delivery of the event, so the handler that already succeeded runs again
        // (handlers must be idempotent, as for any redelivery). The model still fails, so it is dead-lettered again.
        var probe = new HandlerProbe();
        await using var host = await StartWithUnreadablePushAsync(probe);
        var id = Payloads.NewId();
        using (var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var deadLetter = await WaitForDeadLetterAsync(host, id);
        var store = host.GetRequiredService<IDeadLetterStore>();

        // Act
        var result = await store.ReplayAsync(deadLetter.DeliveryId, CancellationToken.None);

        // Assert
        result.Should().Be(DeadLetterReplayResult.Replayed);
        await probe.WaitForCallsAsync(2);
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(21).Count == 2, "the replay is dead-lettered again");
        await host.WaitForQueueDrainAsync();
        probe.Calls.Should().HaveCount(2).And.OnlyContain(call => call.Handler == nameof(GitHubPushEvent) && call.Attempt == 1);
        (await store.ListAsync(10, CancellationToken.None)).Should().ContainSingle().Which.DeliveryId.Should().NotBe(deadLetter.DeliveryId);
    }

    private static Task<WebhookTestHost> StartWithUnreadablePushAsync(HandlerProbe probe) =>
        StartAsync(probe, configure: webhooks => webhooks
            .AddPayloadType("github", "push", PoisonJsonContext.Default.UnreadablePush)
            .AddHandler<RecordingHandler<UnreadablePush>>());
}
