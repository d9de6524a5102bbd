using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>Idempotency under concurrency: a provider (or several of its workers) sending the same event at once.</summary>
public sealed class ConcurrencyTests
{
    private const string Secret = "concurrency-secret-90de";

    [Fact]
    public async Task Post_100ConcurrentIdenticalDeliveries_AllReturn200AndHandlerRunsOnce()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe));
        var id = Payloads.NewId();
        using var start = new SemaphoreSlim(0);

        // Act: 100 requests released together, each on its own connection if need be.
        var sends = Enumerable.Range(0, 100).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            return response.StatusCode;
        }).ToList();
        start.Release(sends.Count);
        var statuses = await Task.WhenAll(sends);

        // Assert: a copy that arrives while the first is claimed but not yet queued gets 503 + Retry-After by design
        // (docs/status-codes.md, "pending"); on a loaded machine that window is wide enough for a few to land in it.
        statuses.Should().OnlyContain(status => status == HttpStatusCode.OK || status == HttpStatusCode.ServiceUnavailable);
        statuses.Should().Contain(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle().Which.EventId.Should().Be(id);
        probe.Calls.Should().ContainSingle();
        host.LogsWithEventId(1).Should().ContainSingle("exactly one delivery was accepted");
        host.LogsWithEventId(29).Should().HaveCount(statuses.Count(status => status == HttpStatusCode.ServiceUnavailable), "each 503 was a copy of a claim not yet queued");
        (host.LogsWithEventId(2).Count + host.LogsWithEventId(29).Count).Should().Be(99, "every other delivery was a duplicate");
    }

    [Fact]
    public async Task Post_ManyDistinctDeliveriesConcurrently_HandlesEachOnce()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe));
        var ids = Enumerable.Range(0, 50).Select(i => Payloads.NewId($"distinct-{i}-")).ToList();

        // Act: every id twice, all at once.
        var statuses = await Task.WhenAll(ids.Concat(ids).Select(async id =>
        {
            using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            return response.StatusCode;
        }));

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        await probe.WaitForCallsAsync(ids.Count);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Select(call => call.EventId).Should().BeEquivalentTo(ids, "each event is handled exactly once");
    }
}
