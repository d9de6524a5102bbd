using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Dispatch;

[Collection(TimingSensitiveTests.Name)]
public sealed class ShutdownTests
{
    private const string Secret = "shutdown-secret-0123456789";

    [Fact]
    public async Task StopAsync_DeliveriesQueuedBehindSlowHandlers_HandlesAllBeforeReturningAndRefusesNewOnes()
    {
        // Arrange: one worker, 300 ms per delivery, five deliveries accepted.
        var probe = new HandlerProbe { Behavior = static (_, ct) => Task.Delay(TimeSpan.FromMilliseconds(300), ct) };
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await StartAsync(probe, TimeSpan.FromSeconds(30), held);
        var ids = Enumerable.Range(0, 5).Select(i => Payloads.NewId($"drain-{i}-")).ToList();
        foreach (var id in ids)
        {
            using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAttemptsAsync(1);

        // A delivery that reaches the server just as it starts stopping: held in front of WebhookKit until
        // ApplicationStopping fires. (Kestrel stops before the dispatcher drains, so later connections are refused.)
        var late = host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId("late-")).WithHeader(HoldHeader, "1"));
        await held.Task.WaitAsync(HandlerProbe.DefaultTimeout);

        // Act
        var stopping = host.App.StopAsync();
        using var lateResponse = await late;
        await stopping;

        // Assert
        await lateResponse.ShouldBeUnavailableAsync(TimeSpan.FromSeconds(10));
        probe.Calls.Select(call => call.EventId).Should().BeEquivalentTo(ids, "StopAsync waits until the queue is drained");
        host.LogsWithEventId(10).Should().ContainSingle("the late delivery was refused because the app is stopping");
        host.LogsWithEventId(26).Should().ContainSingle("the dispatcher reports a complete drain");
        host.LogsWithEventId(25).Should().BeEmpty();
    }

    [Fact]
    public async Task StopAsync_HandlersBlockPastShutdownTimeout_CancelsHandlersAndLogsDeliveriesLeft()
    {
        // Arrange: one worker whose handler blocks until cancelled; one delivery running, two waiting behind it.
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new HandlerProbe
        {
            Behavior = async (_, ct) =>
            {
                try
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    cancelled.TrySetResult();
                    throw;
                }
            },
        };
        await using var host = await StartAsync(probe, TimeSpan.FromMilliseconds(500));
        foreach (var id in Enumerable.Range(0, 3).Select(i => Payloads.NewId($"blocked-{i}-")))
        {
            using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAttemptsAsync(1);

        // Act
        await host.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        await cancelled.Task.WaitAsync(HandlerProbe.DefaultTimeout);
        probe.Calls.Should().BeEmpty();
        var drainIncomplete = host.LogsWithEventId(25).Should().ContainSingle("the dispatcher reports what it could not handle").Subject;
        drainIncomplete.Level.Should().Be(LogLevel.Error);
        drainIncomplete.Id.Name.Should().Be("DrainIncomplete");
        drainIncomplete.StructuredState.Should().Contain(new KeyValuePair<string, string?>("Count", "3"));
        drainIncomplete.Message.Should().Contain("3 deliveries");
        host.LogsWithEventId(26).Should().BeEmpty();
    }

    private const string HoldHeader = "X-Test-Hold-Until-Stopping";

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, TimeSpan shutdownTimeout, TaskCompletionSource? held = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                services.Configure<WebhookOptions>(o => o.MaxConcurrency = 1);
            },
            app =>
            {
                var stopping = app.Lifetime.ApplicationStopping;
                app.Use(async (context, next) =>
                {
                    if (context.Request.Headers.ContainsKey(HoldHeader))
                    {
                        held?.TrySetResult();
                        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        using (stopping.Register(() => stopped.TrySetResult()))
                        {
                            await stopped.Task;
                        }
                    }

                    await next(context);
                });
                app.MapWebhooks();
            },
            shutdownTimeout);
}
