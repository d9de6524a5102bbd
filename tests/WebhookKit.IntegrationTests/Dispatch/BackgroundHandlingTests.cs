using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>Nothing on the receive path waits for a handler (docs/architecture.md, "The path of one delivery").</summary>
[Collection(TimingSensitiveTests.Name)]
public sealed class BackgroundHandlingTests
{
    private const string Secret = "background-secret-4b8e";
    private static readonly TimeSpan HandlerDuration = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Post_HandlersTakingTwoSeconds_Every200ArrivesBeforeFirstHandlerFinishes()
    {
        // Arrange
        var clock = Stopwatch.StartNew();
        var firstHandlerFinished = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new HandlerProbe
        {
            Behavior = async (_, ct) =>
            {
                await Task.Delay(HandlerDuration, ct);
                firstHandlerFinished.TrySetResult(clock.Elapsed);
            },
        };
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                services.Configure<WebhookOptions>(o => o.MaxConcurrency = 8);
            });
        var ids = Enumerable.Range(0, 8).Select(i => Payloads.NewId($"slow-{i}-")).ToList();

        // Act
        var responses = await Task.WhenAll(ids.Select(async id =>
        {
            using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            return (response.StatusCode, ArrivedAt: clock.Elapsed);
        }));
        var firstFinishedAt = await firstHandlerFinished.Task.WaitAsync(HandlerProbe.DefaultTimeout);

        // Assert
        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.OK);
        responses.Max(r => r.ArrivedAt).Should().BeLessThan(firstFinishedAt, "a 200 never waits for a handler");
        await probe.WaitForCallsAsync(ids.Count);
        probe.Calls.Select(call => call.EventId).Should().BeEquivalentTo(ids);
    }
}
