using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;
using static WebhookKit.IntegrationTests.Dispatch.PoisonDeliveryFixtures;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>
/// A delivery that fails in a way nobody planned for (a converter's odd exception, a handler's constructor or Dispose)
/// is that delivery's failure: dead-lettered or retried, never the end of a worker or of the host (issue #14).
/// </summary>
public sealed class PoisonDeliveryTests
{
    [Theory]
    [InlineData("format", nameof(FormatException))]
    [InlineData("keynotfound", nameof(KeyNotFoundException))]
    [InlineData("custom", nameof(PoisonException))]
    public async Task Post_ConverterThrows_DeadLetteredWithoutRetryOrLoggingPayloadAndHostStillServes(string exception, string exceptionType)
    {
        // Arrange: one worker, so a worker that died of the delivery would leave the next one unhandled.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, maxAttempts: 5);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(PoisonDeployment(id, exception));
        var deadLetter = await WaitForDeadLetterAsync(host, id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        deadLetter.Attempts.Should().Be(0, "the same bytes never deserialize, so there is no attempt to retry");
        deadLetter.Reason.Should().Be($"could not be read as {nameof(ThrowingDeployment)}: {exceptionType}");
        probe.Attempts.Should().BeEmpty();
        host.LogsWithEventId(40).Should().ContainSingle().Which.Message.Should().Contain(nameof(ThrowingDeployment)).And.Contain(exceptionType);
        host.LogsWithEventId(48).Should().ContainSingle().Which.Message.Should().Contain("dead-lettered without running a handler: could not be read as");
        host.LogsWithEventId(21).Should().BeEmpty("no attempt ran, so the line does not say 'after 0 attempts'");
        await ShouldStillHandleAsync(host, probe);
        host.ShouldNotLeak(string.Empty, PayloadMarker, Secret);
    }

    [Fact]
    public async Task Post_ModelCannotReadTheJson_ReasonNamesTheModelAndWhereWithoutPayloadBytes()
    {
        // Arrange: the user's model wants a number at deployment_status; GitHub sends an object there.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, configure: webhooks => webhooks
            .AddPayloadType("github", "deployment_status", PoisonJsonContext.Default.StrictDeploymentStatus)
            .AddHandler<RecordingHandler<StrictDeploymentStatus>>());
        var id = Payloads.NewId();
        var body = System.Text.Encoding.UTF8.GetBytes($$$"""{"action":"created","deployment_status":{"state":"{{{PayloadMarker}}}"}}""");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, eventType: "deployment_status", body: body));
        var deadLetter = await WaitForDeadLetterAsync(host, id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        deadLetter.Reason.Should().Be($"could not be read as {nameof(StrictDeploymentStatus)}: JsonException at $.deployment_status (line 0, byte 41)");
        host.LogsWithEventId(48).Should().ContainSingle().Which.Message.Should().EndWith(deadLetter.Reason + ".");
        host.ShouldNotLeak(string.Empty, PayloadMarker, Secret);
    }


    [Fact]
    public async Task Post_MoreUnreadableDeliveriesThanWorkers_AllDeadLetteredAndHostKeepsRunning()
    {
        // Arrange: MaxConcurrency + 1 poison deliveries; each used to end one worker, and the last worker the host.
        const int Workers = 4;
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, configureOptions: o => o.MaxConcurrency = Workers);
        var ids = Enumerable.Range(0, Workers + 1).Select(i => Payloads.NewId($"poison-{i}-")).ToList();

        // Act
        foreach (var id in ids)
        {
            using var response = await host.Client.SendAsync(PoisonDeployment(id));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Assert
        foreach (var id in ids)
        {
            (await WaitForDeadLetterAsync(host, id)).Reason.Should().Contain(nameof(FormatException));
        }

        await ShouldStillHandleAsync(host, probe);
    }

    [Fact]
    public async Task Handler_ConstructorThrowsForFirstActivations_RetriedUntilItIsCreated()
    {
        // Arrange: the constructor throws on the first 4 activations; the 5th attempt creates it.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            maxAttempts: 5,
            configure: webhooks => webhooks.AddHandler<ThrowsInConstructorHandler>(),
            configureServices: services => services.AddSingleton(new ActivationCounter { FailFirst = 4 }));
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForCallsAsync(2);
        await host.WaitForQueueDrainAsync();
        probe.Calls.Select(call => (call.Handler, call.Attempt)).Should().BeEquivalentTo(
            [(nameof(GitHubPushEvent), 5), (nameof(ThrowsInConstructorHandler), 5)],
            "handlers of a model are created together, so none of them runs until all can be created");
        host.LogsWithEventId(41).Should().HaveCount(4).And.AllSatisfy(record => record.Message.Should().Contain(nameof(GitHubPushEvent)));
        (await host.GetRequiredService<WebhookKit.Dispatch.IDeadLetterStore>().ListAsync(10, CancellationToken.None)).Should().BeEmpty();
        await ShouldStillHandleAsync(host, probe);
    }

    [Fact]
    public async Task Handler_ConstructorThrowsOnEveryAttempt_DeadLetteredAndHostStillServes()
    {
        // Arrange: the constructor throws for all 3 attempts of the first delivery, then recovers.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            configure: webhooks => webhooks.AddHandler<ThrowsInConstructorHandler>(),
            configureServices: services => services.AddSingleton(new ActivationCounter { FailFirst = 3 }));
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        var deadLetter = await WaitForDeadLetterAsync(host, id);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        deadLetter.Attempts.Should().Be(3);
        deadLetter.Reason.Should().Be($"handlers of {nameof(GitHubPushEvent)} could not be created: {nameof(PoisonException)}");
        probe.Attempts.Should().BeEmpty();
        await ShouldStillHandleAsync(host, probe);
    }

    [Fact]
    public async Task Handler_ThrowsComException_RetriedThenDeadLetteredAndHostStillServes()
    {
        // Arrange: an exception type from interop, thrown by the first delivery's handler only.
        var poisoned = Payloads.NewId("com-");
        var probe = new HandlerProbe
        {
#pragma warning disable CA2201 // Reserved by the runtime: that is the point, a handler may still see one from interop.
            Behavior = (call, _) => call.EventId == poisoned ? throw new COMException("the COM server is gone", unchecked((int)0x800706BA)) : Task.CompletedTask,
#pragma warning restore CA2201
        };
        await using var host = await StartAsync(probe);

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, poisoned));
        var deadLetter = await WaitForDeadLetterAsync(host, poisoned);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        deadLetter.Attempts.Should().Be(3);
        deadLetter.Reason.Should().Contain(nameof(COMException));
        probe.Attempts.Should().HaveCount(3);
        await ShouldStillHandleAsync(host, probe);
    }

    [Fact]
    public async Task Handler_DisposeThrows_DeliveryCompletesAndHostStillServes()
    {
        // Arrange: the handler did its work; only disposing its scope throws.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, configure: webhooks => webhooks.AddHandler<ThrowsOnDisposeHandler>());
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForCallsAsync(2);
        await host.WaitForQueueDrainAsync();
        probe.Calls.Should().OnlyContain(call => call.Attempt == 1, "handlers that succeeded are not retried for a failed Dispose");
        host.LogsWithEventId(42).Should().ContainSingle();
        (await host.GetRequiredService<WebhookKit.Dispatch.IDeadLetterStore>().ListAsync(10, CancellationToken.None)).Should().BeEmpty();
        await ShouldStillHandleAsync(host, probe);

        // The claim was completed: a redelivery is a duplicate.
        using var redelivery = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
        host.LogsWithEventId(2).Should().ContainSingle();
    }
}
