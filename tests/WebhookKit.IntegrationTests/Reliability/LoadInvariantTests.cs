using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WebhookKit.IntegrationTests.Reliability;

/// <summary>
/// The load invariant on real Kestrel: N deliveries over 64 concurrent connections, 10% of them duplicates, against a
/// small queue so that backpressure (503 + Retry-After) happens and is retried as a provider would. Every unique event
/// is handled exactly once, no other 5xx is ever seen, and the managed heap returns to within a stated bound.
/// N is 5,000 here; <c>WEBHOOKKIT_LOAD_DELIVERIES=50000</c> (benchmarks/reliability/run-load-invariant.sh) is the full run.
/// </summary>
[Collection(TimingSensitiveTests.Name)] // measures the process's managed heap, so it runs alone
public sealed class LoadInvariantTests(ITestOutputHelper output)
{
    public const string DeliveriesVariable = "WEBHOOKKIT_LOAD_DELIVERIES";
    private const string Secret = "load-invariant-secret-1f9c42";
    private const int Connections = 64;
    private const int Seed = 4242;

    /// <summary>
    /// The stated bound: after the run the managed heap may hold 768 bytes per unique event (the in-memory idempotency
    /// store remembers each handled id for <c>RetentionDuration</c>, about 480 bytes; this test's own counter about 110)
    /// plus 8 MiB. A leak of even one small object per request or per 503 would break it.
    /// </summary>
    private const long RetainedBytesPerEvent = 768;
    private const long HeapSlackBytes = 8L * 1024 * 1024;

    [Fact]
    public async Task Post_DeliveriesOver64ConnectionsWith10PercentDuplicates_EachUniqueEventHandledOnceAndHeapReturns()
    {
        // Arrange
        var total = int.TryParse(Environment.GetEnvironmentVariable(DeliveriesVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var configured) && configured > 0 ? configured : 5_000;
        var random = new Random(Seed);
        var unique = Enumerable.Range(0, total - (total / 10)).Select(i => $"load-{i:D6}-{random.Next():x8}").ToArray();
        var sequence = unique.Concat(Enumerable.Range(0, total / 10).Select(_ => unique[random.Next(unique.Length)])).ToArray();
        random.Shuffle(sequence);

        var counter = new DeliveryCounter();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o =>
            {
                o.Secrets.Add(Secret);

                // One body under many ids, to keep the sender's cost out of the measurement: with the body digest on,
                // every id after the first would be a replay. Duplicates here are repeated ids.
                o.DeduplicateByBody = false;
            }).AddHandler<CountingPushHandler>(),
            services =>
            {
                services.AddSingleton(counter);
                services.Configure<WebhookOptions>(o =>
                {
                    o.QueueCapacity = 256;              // small, so that the receive path outruns the handlers and refuses with 503
                    o.MaxConcurrency = 8;
                    o.RetryAfter = TimeSpan.FromSeconds(1);
                });
            },
            configureBuilder: builder => builder.Logging.SetMinimumLevel(LogLevel.Error)); // captured log lines (one per 503) would be the memory measured
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = host.Client.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        using var outcomes = new DeliveryOutcomeCounter(host.GetRequiredService<IMeterFactory>());
        var body = Payloads.GitHubPush();
        var signature = Signatures.GitHub(Secret, body);

        // Warm up (JIT, pools, connections), then take the baseline.
        await SendAsync(client, [.. Enumerable.Range(0, 2 * Connections).Select(i => $"warm-{i}")], body, signature, new SendTally());
        await Eventually.WaitUntilAsync(() => counter.Runs == 2 * Connections, "the warm-up is handled");
        var heapBefore = SettledHeap();
        var clock = Stopwatch.StartNew();

        // Act
        var tally = new SendTally();
        await SendAsync(client, sequence, body, signature, tally);
        var sendTime = clock.Elapsed;
        await Eventually.WaitUntilAsync(() => counter.Distinct >= unique.Length + (2 * Connections), "every unique event is handled", TimeSpan.FromMinutes(5));
        await host.WaitForQueueDrainAsync();
        clock.Stop();
        var errorsLogged = host.Logs.GetSnapshot().Count;
        var heapAfter = SettledHeap();

        // Assert
        var bound = HeapSlackBytes + (RetainedBytesPerEvent * unique.Length);
        output.WriteLine(
            $"{total:N0} deliveries ({unique.Length:N0} unique) over {Connections} connections: sent in {sendTime.TotalSeconds:F1} s ({total / sendTime.TotalSeconds:N0}/s), " +
            $"all handled in {clock.Elapsed.TotalSeconds:F1} s; 200: {tally.Ok:N0}, 503 retried: {tally.Unavailable:N0}; handler runs {counter.Runs - (2 * Connections):N0}; " +
            $"managed heap {heapBefore / 1048576.0:F1} MiB -> {heapAfter / 1048576.0:F1} MiB (bound +{bound / 1048576.0:F1} MiB)");
        tally.Other.Should().BeEmpty("the only 5xx is documented backpressure, and nothing else is refused");
        tally.Ok.Should().Be(total, "every delivery, duplicates included, ends with 200");
        foreach (var id in unique)
        {
            counter.RunsOf(id).Should().Be(1, "event {0} is handled exactly once", id);
        }

        counter.Runs.Should().Be(unique.Length + (2 * Connections), "duplicates are never handled");
        errorsLogged.Should().Be(0, "nothing is logged at Error or above");
        outcomes["unavailable"].Should().Be(tally.Unavailable, "each 503 is a counted refusal of a full queue");
        outcomes["accepted"].Should().Be(unique.Length + (2 * Connections), "each unique event is accepted once: a refused one's claim was released");
        outcomes["duplicate"].Should().Be(total - unique.Length);
        (heapAfter - heapBefore).Should().BeLessThan(bound, "after the run the heap holds little more than the remembered event ids");
        (await host.GetRequiredService<IDeadLetterStore>().ListAsync(10, CancellationToken.None)).Should().BeEmpty();
    }

    /// <summary>Sends the ids from 64 concurrent workers; a 503 is retried after a short pause, like a provider (compressed time).</summary>
    private static async Task SendAsync(HttpClient client, string[] ids, byte[] body, string signature, SendTally tally)
    {
        var next = -1;
        var workers = Enumerable.Range(0, Connections).Select(async worker =>
        {
            var random = new Random(Seed + worker);
            int index;
            while ((index = Interlocked.Increment(ref next)) < ids.Length)
            {
                while (true)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(body) };
                    request.Content.Headers.ContentType = new("application/json");
                    request.Headers.TryAddWithoutValidation("X-GitHub-Event", "push");
                    request.Headers.TryAddWithoutValidation("X-GitHub-Delivery", ids[index]);
                    request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref tally.Ok);
                        break;
                    }

                    if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(1))
                    {
                        Interlocked.Increment(ref tally.Unavailable);
                        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(5, 50)));
                        continue;
                    }

                    tally.Other.Add($"{ids[index]}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    break;
                }
            }
        });
        await Task.WhenAll(workers);
    }

    private static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Counts responses by kind across the workers.</summary>
    private sealed class SendTally
    {
        public int Ok;
        public int Unavailable;
        public readonly ConcurrentBag<string> Other = [];
    }

    /// <summary>How many times each event's handler ran.</summary>
    public sealed class DeliveryCounter
    {
        private readonly ConcurrentDictionary<string, int> _runs = new(StringComparer.Ordinal);
        private int _total;

        public int Runs => Volatile.Read(ref _total);

        public int Distinct => _runs.Count;

        public int RunsOf(string eventId) => _runs.GetValueOrDefault(eventId);

        public void Record(string eventId)
        {
            _runs.AddOrUpdate(eventId, 1, static (_, runs) => runs + 1);
            Interlocked.Increment(ref _total);
        }
    }

    /// <summary>
    /// A push handler that awaits 1 ms of simulated I/O and counts: slower than the receive path, so the small queue fills
    /// and backpressure is part of the run.
    /// </summary>
    public sealed class CountingPushHandler(DeliveryCounter counter) : IWebhookHandler<GitHubPushEvent>
    {
        public async Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), cancellationToken);
            counter.Record(webhook.EventId);
        }
    }
}
