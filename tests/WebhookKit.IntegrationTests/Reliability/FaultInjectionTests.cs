using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WebhookKit.IntegrationTests.Reliability;

/// <summary>
/// Handlers that fail, at scale, on real Kestrel: transient faults are retried until every delivery is handled; permanent
/// faults are dead-lettered after <c>MaxAttempts</c> and can be replayed. Every test ends by asserting the invariant
/// <em>handled + dead-lettered == accepted</em> (as sets of event ids, with no event in both and none handled twice).
/// (Single-delivery retry, dead-letter and replay cases are in <c>RetryAndDeadLetterTests</c>.)
/// </summary>
public sealed class FaultInjectionTests(ITestOutputHelper output)
{
    private const string Secret = "fault-injection-secret-3b8e1f";
    private const int Seed = 20_261_123;

    [Fact]
    public async Task Handler_Throws30PercentOfCallsAtRandom_EveryDeliveryIsEventuallyHandled()
    {
        // Arrange: 30% of handler calls throw (seeded); 20 attempts make a dead letter a 0.3^20 event.
        var faults = new SeededFaults(Seed, failureRate: 0.3);
        var probe = new HandlerProbe { Behavior = (_, _) => faults.Next() ? throw new InvalidOperationException("transient fault") : Task.CompletedTask };
        await using var host = await StartAsync(probe, maxAttempts: 20);
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");
        var ids = Enumerable.Range(0, 300).Select(i => Payloads.NewId($"transient-{i}-")).ToList();

        // Act
        await SendAllAsync(host, ids);
        var accepted = await WaitForSettledAsync(host, probe, deliveries);

        // Assert
        accepted.Should().BeEquivalentTo(ids);
        var handled = Handled(probe);
        handled.Should().BeEquivalentTo(ids, "a transient fault is retried until the handler succeeds");
        (await DeadLetteredAsync(host)).Should().BeEmpty();
        faults.Failures.Should().BeGreaterThan(30, "about 30% of calls failed");
        probe.Attempts.Count.Should().Be(ids.Count + faults.Failures, "every failed call was retried exactly once more");
        host.LogsWithEventId(20).Should().HaveCount(faults.Failures).And.OnlyContain(record => record.Level == LogLevel.Warning);
        output.WriteLine($"{ids.Count} deliveries, {probe.Attempts.Count} handler calls, {faults.Failures} failed");
        await AssertInvariantAsync(host, probe, accepted);
    }

    [Fact]
    public async Task Handler_AlwaysThrowsForOneInFiveEvents_DeadLetteredAfterMaxAttemptsThenReplayed()
    {
        // Arrange: events 0, 5, 10, … always fail until healed; MaxAttempts 3.
        var poisoned = new HashSet<string>();
        var healed = false;
        var ids = Enumerable.Range(0, 200).Select(i => Payloads.NewId($"poison-{i}-")).ToList();
        poisoned.UnionWith(ids.Where((_, i) => i % 5 == 0));
        var probe = new HandlerProbe
        {
            Behavior = (call, _) => poisoned.Contains(call.EventId) && !Volatile.Read(ref healed) ? throw new InvalidOperationException("permanent fault") : Task.CompletedTask,
        };
        await using var host = await StartAsync(probe, maxAttempts: 3);
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");

        // Act
        await SendAllAsync(host, ids);
        var accepted = await WaitForSettledAsync(host, probe, deliveries);

        // Assert: the poisoned events are dead letters after exactly MaxAttempts, the rest handled once.
        var store = host.GetRequiredService<IDeadLetterStore>();
        var deadLetters = await store.ListAsync(1000, CancellationToken.None);
        deadLetters.Select(letter => letter.Delivery.EventId).Should().BeEquivalentTo(poisoned);
        deadLetters.Should().OnlyContain(letter => letter.Attempts == 3);
        probe.Attempts.Where(call => poisoned.Contains(call.EventId)).GroupBy(call => call.EventId).Should().OnlyContain(runs => runs.Count() == 3);
        Handled(probe).Should().BeEquivalentTo(ids.Except(poisoned));
        host.LogsWithEventId(21).Should().HaveCount(poisoned.Count).And.OnlyContain(record => record.Level == LogLevel.Error);
        await AssertInvariantAsync(host, probe, accepted);

        // Act: the bug is fixed and every dead letter is replayed.
        Volatile.Write(ref healed, true);
        foreach (var letter in deadLetters)
        {
            (await store.ReplayAsync(letter.DeliveryId, CancellationToken.None)).Should().Be(DeadLetterReplayResult.Replayed);
        }

        await probe.WaitUntilAsync(p => Handled(p).Count == ids.Count, TimeSpan.FromSeconds(60));
        await host.WaitForQueueDrainAsync();

        // Assert: everything handled, nothing left dead, each event handled exactly once.
        Handled(probe).Should().BeEquivalentTo(ids);
        (await store.ListAsync(1000, CancellationToken.None)).Should().BeEmpty();
        await AssertInvariantAsync(host, probe, accepted);
    }

    [Fact]
    public async Task Handler_TransientAndPermanentFaultsMixed_HandledPlusDeadLetteredEqualsAccepted()
    {
        // Arrange: 30% of calls fail at random, and one event in ten always fails; MaxAttempts 4, so a few unlucky
        // transient ones may be dead-lettered too. Whatever happens, nothing accepted is lost.
        var faults = new SeededFaults(Seed + 1, failureRate: 0.3);
        var ids = Enumerable.Range(0, 300).Select(i => Payloads.NewId($"mixed-{i}-")).ToList();
        var poisoned = ids.Where((_, i) => i % 10 == 0).ToHashSet();
        var probe = new HandlerProbe
        {
            Behavior = (call, _) => poisoned.Contains(call.EventId) || faults.Next() ? throw new InvalidOperationException("fault") : Task.CompletedTask,
        };
        await using var host = await StartAsync(probe, maxAttempts: 4);
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");

        // Act
        await SendAllAsync(host, ids);
        var accepted = await WaitForSettledAsync(host, probe, deliveries);

        // Assert
        accepted.Should().BeEquivalentTo(ids);
        var dead = await DeadLetteredAsync(host);
        dead.Should().Contain(poisoned);
        output.WriteLine($"{ids.Count} accepted, {Handled(probe).Count} handled, {dead.Count} dead-lettered ({poisoned.Count} poisoned)");
        await AssertInvariantAsync(host, probe, accepted);
    }

    /// <summary>Sends every id as a signed GitHub delivery, eight at a time; each must be accepted.</summary>
    private static async Task SendAllAsync(WebhookTestHost host, IReadOnlyList<string> ids)
    {
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
                response.StatusCode.Should().Be(HttpStatusCode.OK);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>Waits until every accepted delivery is handled or dead-lettered and the queue is empty; returns the accepted ids.</summary>
    private static async Task<HashSet<string>> WaitForSettledAsync(WebhookTestHost host, HandlerProbe probe, MetricCollector<long> deliveries)
    {
        var accepted = deliveries.GetMeasurementSnapshot().Count(m => (string?)m.Tags["webhookkit.outcome"] == "accepted");
        var acceptedIds = host.LogsWithEventId(1).Select(record => record.StructuredState!.Single(pair => pair.Key == "EventId").Value!).ToHashSet();
        acceptedIds.Should().HaveCount(accepted, "each acceptance is both counted and logged");
        var queue = host.GetRequiredService<IWebhookQueue>();
        await Eventually.WaitUntilAsync(
            async () => queue.Count == 0 && Handled(probe).Count + (await DeadLetteredAsync(host)).Count == accepted,
            "every accepted delivery is handled or dead-lettered",
            TimeSpan.FromSeconds(60));
        return acceptedIds;
    }

    /// <summary>handled + dead-lettered == accepted, as sets: nothing lost, nothing in both, nothing handled twice.</summary>
    private static async Task AssertInvariantAsync(WebhookTestHost host, HandlerProbe probe, HashSet<string> accepted)
    {
        await host.WaitForQueueDrainAsync();
        var handled = Handled(probe);
        var dead = await DeadLetteredAsync(host);
        probe.Calls.Should().HaveCount(handled.Count, "no event is handled twice");
        handled.Should().NotIntersectWith(dead);
        handled.Union(dead).Should().BeEquivalentTo(accepted, "handled + dead-lettered == accepted");
        host.Logs.GetSnapshot().Should().NotContain(record => record.Level > LogLevel.Error);
    }

    private static HashSet<string> Handled(HandlerProbe probe) => probe.Calls.Select(call => call.EventId).ToHashSet();

    private static async Task<HashSet<string>> DeadLetteredAsync(WebhookTestHost host) =>
        (await host.GetRequiredService<IDeadLetterStore>().ListAsync(10_000, CancellationToken.None)).Select(letter => letter.Delivery.EventId).ToHashSet();

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, int maxAttempts) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                services.Configure<WebhookOptions>(o =>
                {
                    o.MaxAttempts = maxAttempts;
                    o.RetryDelay = TimeSpan.FromMilliseconds(2);
                    o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
                    o.MaxConcurrency = 4;
                });
            });

    /// <summary>A seeded, thread-safe coin that comes up "fail" with the given probability.</summary>
    private sealed class SeededFaults(int seed, double failureRate)
    {
        private readonly Random _random = new(seed);
        private readonly Lock _gate = new();
        private int _failures;

        public int Failures => Volatile.Read(ref _failures);

        public bool Next()
        {
            bool fail;
            lock (_gate)
            {
                fail = _random.NextDouble() < failureRate;
            }

            if (fail)
            {
                Interlocked.Increment(ref _failures);
            }

            return fail;
        }
    }
}
