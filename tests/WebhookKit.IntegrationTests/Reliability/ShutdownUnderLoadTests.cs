using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WebhookKit.IntegrationTests.Reliability;

/// <summary>
/// Stopping the host while providers keep sending (in-memory mode): every delivery answered 200 is handled before
/// <c>StopAsync</c> returns; once stopping has begun a delivery gets 503 + Retry-After while the server still takes
/// requests, and a refused connection once Kestrel has stopped listening. Nothing else. (The deterministic single
/// late-delivery case is in <c>ShutdownTests</c>.)
/// </summary>
[Collection(TimingSensitiveTests.Name)]
public sealed class ShutdownUnderLoadTests(ITestOutputHelper output)
{
    private const string Secret = "shutdown-load-secret-9a41d7";
    private const int Senders = 16;

    [Fact]
    public async Task StopAsync_DuringLoad_HandlesEveryAcceptedDeliveryAndRefusesTheRestWith503OrConnectionErrors()
    {
        // Arrange: handlers slower than the senders (2 workers, ~2 ms each), so a backlog is queued when the stop comes.
        var handled = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var probe = new HandlerProbe
        {
            Behavior = async (call, _) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(2), CancellationToken.None);
                handled.AddOrUpdate(call.EventId, 1, static (_, runs) => runs + 1);
            },
        };
        var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                services.Configure<WebhookOptions>(o =>
                {
                    o.MaxConcurrency = 2;
                    o.QueueCapacity = 5_000;
                });
            },
            shutdownTimeout: TimeSpan.FromSeconds(60),
            configureBuilder: builder => builder.Logging.SetMinimumLevel(LogLevel.Information));
        var outcomes = new ConcurrentBag<Outcome>();
        var accepted = new ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var stopRequested = 0;
        using var stopSending = new CancellationTokenSource();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Senders }) { BaseAddress = host.Client.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; !stopSending.IsCancellationRequested; i++)
            {
                var id = $"stop-{sender}-{i}";
                try
                {
                    using var response = await client.SendAsync(Deliveries.GitHub(Secret, id), stopSending.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        accepted.TryAdd(id, 0);
                    }

                    // Read after the answer: one that arrived before the stop was requested cannot be a refusal.
                    var afterStop = Volatile.Read(ref stopRequested) == 1;
                    outcomes.Add(new Outcome(id, afterStop, (int)response.StatusCode, response.Headers.RetryAfter?.Delta, null));
                }
                catch (OperationCanceledException) when (stopSending.IsCancellationRequested)
                {
                    return;
                }
                catch (HttpRequestException exception)
                {
                    // Kestrel stopped listening (or closed the kept-alive connection): the provider sees a failed delivery and retries.
                    outcomes.Add(new Outcome(id, Volatile.Read(ref stopRequested) == 1, 0, null, exception.HttpRequestError.ToString()));
                    if (Volatile.Read(ref stopRequested) == 1)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(20), CancellationToken.None); // pacing, not synchronisation
                    }
                }
            }
        })).ToList();
        await Eventually.WaitUntilAsync(() => accepted.Count >= 1_000, "a thousand deliveries are accepted", TimeSpan.FromSeconds(60));

        // Act
        Volatile.Write(ref stopRequested, 1);
        var backlog = host.GetRequiredService<WebhookKit.Dispatch.IWebhookQueue>().Count;
        await host.App.StopAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var acceptedAtStop = accepted.Keys.ToHashSet();
        var handledAtStop = handled.Keys.ToHashSet();
        var handledRunsAtStop = handled.Values.Sum();
        var drainIncomplete = host.LogsWithEventId(25).Count;
        var drained = host.LogsWithEventId(26).Count;
        var aboveWarning = host.Logs.GetSnapshot().Count(record => record.Level > LogLevel.Warning);
        await stopSending.CancelAsync();
        await Task.WhenAll(senders);
        await host.DisposeAsync();

        // Assert
        var all = outcomes.ToList();
        var refused = all.Where(o => o.AfterStop && o.Status != 200).ToList();
        output.WriteLine(
            $"{acceptedAtStop.Count:N0} accepted ({backlog:N0} queued when the stop began), {handledAtStop.Count:N0} handled before StopAsync returned; " +
            $"answered after the stop began: {all.Count(o => o.AfterStop && o.Status == 200)} accepted (in flight), {refused.Count(o => o.Status == 503)} × 503, " +
            $"{refused.Count(o => o.Status == 0)} connection errors ({string.Join(", ", refused.Where(o => o.Status == 0).Select(o => o.Error).Distinct())})");

        backlog.Should().BeGreaterThan(0, "the stop came with deliveries still queued, so the drain is what is tested");
        handledAtStop.Should().BeEquivalentTo(acceptedAtStop, "every delivery answered 200 is handled before StopAsync returns, and nothing else is");
        handledRunsAtStop.Should().Be(handledAtStop.Count, "each is handled once");
        all.Should().OnlyContain(o => o.Status == 200 || o.Status == 503 || o.Status == 0, "the only refusals are 503 and a closed door");
        // The stop may close the door before any 503 is answered (then all refusals are connection errors): OnlyContain
        // and AllSatisfy both fail on an empty list, so each 503 is checked on its own.
        foreach (var unavailable in all.Where(o => o.Status == 503))
        {
            unavailable.RetryAfter.Should().Be(TimeSpan.FromSeconds(10), "a 503 always tells when to retry");
        }
        all.Where(o => !o.AfterStop).Should().OnlyContain(o => o.Status == 200, "answers that came before the stop was requested are all acceptances");
        refused.Should().NotBeEmpty("senders kept sending until the server was gone");
        drainIncomplete.Should().Be(0, "the queue drained within the shutdown timeout");
        drained.Should().Be(1);
        aboveWarning.Should().Be(0);
    }

    private sealed record Outcome(string Id, bool AfterStop, int Status, TimeSpan? RetryAfter, string? Error);
}
