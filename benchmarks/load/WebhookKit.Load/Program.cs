// Throughput of WebhookKit end to end, in-memory mode vs the durable Redis Streams queue, side by side.
//
//   dotnet run -c Release --project benchmarks/load/WebhookKit.Load -- [--payload push|ping] [--deliveries 20000] [--concurrency 64] [--rounds 3] [--redis host:port] [--prefetch N] [--only durable|in-memory|minimal] [--compare durable|journal|ceiling|all] [--warm-ups 2] [--stats] [--shared-journal on|off]
//
// --stats prints, after each run, the CPU per delivery of this process and of redis-server, and Redis's INFO
// commandstats per delivery (RunStats.cs). --warm-ups sets the warm-up rounds (2; each mode once per round).
// --shared-journal off keeps durable mode's journal in memory (AddRedis's SharedJournal = false), to measure its share.
// --compare journal runs in-memory mode with the delivery journal off and on instead (no Redis), the ratio on / off.
// --compare ceiling runs in-memory mode against MinimalRedisQueue (one SET of the body before the 200, one DEL after the
// handler, nothing else in Redis): the most any queue that keeps the body in Redis can reach on the machine.
// --compare all runs the three in each round (in-memory, the minimal queue, durable; order reversed every other
// round) and prints each one's ratio over each one before it, durable over the minimal queue included.
// Without --redis it starts its own redis-server (from PATH) on a free loopback port, without persistence.
// Each round runs both modes in turn (order alternating) on a fresh app: Kestrel on 127.0.0.1, one GitHub receiver,
// and an HttpClient sending signed deliveries with unique ids. --payload push (the default) sends the realistic
// ~10 KB push of benchmarks/payloads/github-push.json to a typed handler that reads its ref and counts;
// --payload ping sends a 60-byte ping to a handler that only counts (the least work per delivery in memory, so
// the most unfavourable ratio for the durable queue). "accepted/s" is the rate of 200 answers; "handled/s" is
// deliveries over the time until the last handler ran. Medians are printed. --only runs one mode (for profiling it).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebhookKit;
using WebhookKit.GitHub;

const string Secret = "load-secret-0123456789abcdef";
var deliveries = Option("--deliveries", 20_000);
var concurrency = Option("--concurrency", 64);
var rounds = Option("--rounds", 3);
var redis = OptionText("--redis");
var prefetch = OptionText("--prefetch") is { } p ? int.Parse(p, CultureInfo.InvariantCulture) : (int?)null;
var payload = OptionText("--payload") ?? "push";
var only = OptionText("--only");
var compare = OptionText("--compare") ?? "durable";
var warmUps = Option("--warm-ups", 2);
var stats = args.Contains("--stats");
// Off: durable mode keeps the journal in memory as in-memory mode does (to see what sharing it in Redis costs).
var sharedJournal = OptionText("--shared-journal") != "off";
// The first mode is the baseline: each round's ratios are each later mode over each earlier one.
Mode[] modes = compare switch
{
    "durable" => [new("in-memory", "in-memory", Durable: false, Journal: true), new("durable (Redis Streams)", "durable", Durable: true, Journal: true)],
    "journal" => [new("journal off", "journal-off", Durable: false, Journal: false), new("journal on", "journal-on", Durable: false, Journal: true)],
    "ceiling" => [new("in-memory", "in-memory", Durable: false, Journal: true), new("minimal Redis queue", "minimal", Durable: false, Journal: true, Minimal: true)],
    "all" => [new("in-memory", "in-memory", Durable: false, Journal: true), new("minimal Redis queue", "minimal", Durable: false, Journal: true, Minimal: true), new("durable (Redis Streams)", "durable", Durable: true, Journal: true)],
    _ => throw new ArgumentException("--compare is durable, journal, ceiling or all."),
};
var (eventType, body) = payload switch
{
    "push" => ("push", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "payloads", "github-push.json"))),
    "ping" => ("ping", Encoding.UTF8.GetBytes("""{"zen":"Design for failure.","hook_id":1,"action":"created"}""")),
    _ => throw new ArgumentException("--payload is push or ping."),
};
Process? redisServer = null;
if (redis is null && modes.Any(mode => mode.Durable || mode.Minimal))
{
    var port = FreePort();
    redisServer = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
    {
        RedirectStandardOutput = true,
        UseShellExecute = false,
    }) ?? throw new InvalidOperationException("redis-server did not start; install it or pass --redis host:port.");
    redis = $"127.0.0.1:{port}";
    await WaitForRedisAsync(port);
}

using var statsConnection = stats && redis is not null ? await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true") : null; // INFO is an admin command to the client
var statsServer = statsConnection?.GetServer(statsConnection.GetEndPoints()[0]);
StackExchange.Redis.ConnectionMultiplexer? minimalConnection = null;

try
{
    Console.WriteLine($"WebhookKit load: {payload} ({body.Length} bytes), {deliveries} deliveries per run, concurrency {concurrency}, {rounds} rounds, {Environment.ProcessorCount} cores, redis {redis ?? "none"}");
    var results = modes.ToDictionary(mode => mode.Name, _ => new List<(double Accepted, double Handled)>());
    // Long enough for tiered compilation to settle, so that round 1 does not compare a cold in-memory run.
    for (var warmUp = 0; warmUp < warmUps; warmUp++)
    {
        foreach (var mode in modes)
        {
            await RunAsync("warm-up " + mode.Key, mode, Math.Min(deliveries, 20_000));
        }
    }
    for (var round = 0; round < rounds; round++)
    {
        // Back to back, order alternating, so that each round's ratios compare runs under the same machine load.
        foreach (var mode in round % 2 == 0 ? modes : [.. modes.Reverse()])
        {
            if (only is not null && only != mode.Key)
            {
                continue;
            }

            results[mode.Name].Add(await RunAsync(mode.Name, mode, deliveries));
        }
    }

    Console.WriteLine();
    Console.WriteLine("| mode | accepted/s (median) | handled/s (median) |");
    Console.WriteLine("| --- | ---: | ---: |");
    foreach (var (name, runs) in results)
    {
        Console.WriteLine($"| {name} | {Median(runs.Select(r => r.Accepted)):N0} | {Median(runs.Select(r => r.Handled)):N0} |");
    }

    // Each mode over each one listed before it, round by round (none with --only).
    for (var later = 1; later < modes.Length && only is null; later++)
    {
        for (var earlier = 0; earlier < later; earlier++)
        {
            var ratios = results[modes[later].Name].Zip(results[modes[earlier].Name], static (other, baseline) => (Accepted: other.Accepted / baseline.Accepted, Handled: other.Handled / baseline.Handled)).ToList();
            Console.WriteLine();
            Console.WriteLine($"{modes[later].Name} / {modes[earlier].Name}, median of the per-round ratios: accepted/s {Median(ratios.Select(r => r.Accepted)):P0}, handled/s {Median(ratios.Select(r => r.Handled)):P0}");
            Console.WriteLine($"per round (handled/s): {string.Join(", ", ratios.Select(r => r.Handled.ToString("P0", CultureInfo.InvariantCulture)))}");
        }
    }
}
finally
{
    minimalConnection?.Dispose();
    if (redisServer is { HasExited: false })
    {
        redisServer.Kill();
        await redisServer.WaitForExitAsync();
    }
}

async Task<(double Accepted, double Handled)> RunAsync(string name, Mode mode, int count)
{
    var counter = new HandledCounter();
    var builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    builder.Services.AddSingleton(counter);
    if (mode.Minimal)
    {
        minimalConnection ??= await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis!);
        builder.Services.AddSingleton<WebhookKit.Dispatch.IWebhookQueue>(new MinimalRedisQueue(minimalConnection.GetDatabase(), $"min:{Guid.NewGuid():N}:"));
    }

    var webhooks = builder.Services.AddWebhooks(o =>
        {
            // Room for every delivery in both modes, so that neither answers 503 and the rates compare work done.
            o.QueueCapacity = count + 1;
            o.QueueMaxBytes = (long)(count + 1) * (body.Length + 1024);
            o.MaxConcurrency = 8;
            o.Journal.Enabled = mode.Journal;
        })
        // One body under many ids: each must be handled, not recognised as a replay of the first (DeduplicateByBody).
        .AddGitHub(o =>
        {
            o.Secrets.Add(Secret);
            o.DeduplicateByBody = false;
        });
    if (eventType == "push")
    {
        webhooks.AddHandler<PushRefHandler>(); // One model per delivery: registering both would deserialize twice.
    }
    else
    {
        webhooks.AddHandler<CountingHandler>();
    }

    if (mode.Durable)
    {
        var prefix = $"load:{Guid.NewGuid():N}:";
        webhooks.AddRedis(o =>
        {
            o.Redis.Configuration = redis;
            o.Redis.InstanceName = prefix;
            o.DurableQueue = true;
            o.PrefetchCount = prefetch;
            o.SharedJournal = sharedJournal;
        });
    }

    await using var app = builder.Build();
    app.MapWebhooks();
    await app.StartAsync();
    var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address) };

    var signature = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));
    var runId = Guid.NewGuid().ToString("N")[..8];
    var next = -1;
    var failures = 0;
    var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
    var runStats = stats ? await RunStats.StartAsync(mode.Durable || mode.Minimal ? statsServer : null) : null;
    var stopwatch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) is var i && i < count)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-GitHub-Event", eventType);
            request.Headers.TryAddWithoutValidation("X-GitHub-Delivery", $"{runId}-{i}");
            request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
            using var response = await client.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref failures);
                statuses.AddOrUpdate((int)response.StatusCode, 1, static (_, n) => n + 1);
            }
        }
    }));
    var accepted = stopwatch.Elapsed;
    while (counter.Count < count - failures)
    {
        await Task.Delay(5);
    }

    var handled = stopwatch.Elapsed;
    var cost = runStats is null ? null : await runStats.ReportAsync(count - failures, handled);

    await app.StopAsync();
    // Rates of deliveries that got their 200 (any 503 would otherwise count as throughput).
    var result = ((count - failures) / accepted.TotalSeconds, (count - failures) / handled.TotalSeconds);
    Console.WriteLine($"{name,-28} {count} deliveries: accepted in {accepted.TotalSeconds:F2} s ({result.Item1:N0}/s), handled in {handled.TotalSeconds:F2} s ({result.Item2:N0}/s), non-200: {failures}{(failures > 0 ? $" ({string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))})" : string.Empty)}");
    Console.Write(cost);
    return result;
}

int Option(string name, int fallback) => OptionText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? OptionText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static async Task WaitForRedisAsync(int port)
{
    for (var i = 0; i < 200; i++)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port);
            return;
        }
        catch (SocketException)
        {
            await Task.Delay(25);
        }
    }

    throw new InvalidOperationException("redis-server did not start listening.");
}

/// <summary>One side of the comparison: its name in the table, its <c>--only</c> key, and how the app is set up.</summary>
internal sealed record Mode(string Name, string Key, bool Durable, bool Journal, bool Minimal = false);

/// <summary>Counts handled deliveries (in memory: the benchmark measures WebhookKit, not the handler).</summary>
internal sealed class HandledCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Increment() => Interlocked.Increment(ref _count);
}

/// <summary>A handler that only counts.</summary>
internal sealed class CountingHandler(HandledCounter counter) : IWebhookHandler<GitHubEvent>
{
    public Task HandleAsync(WebhookEvent<GitHubEvent> webhook, CancellationToken cancellationToken)
    {
        counter.Increment();
        return Task.CompletedTask;
    }
}

/// <summary>Reads the push's ref, as a real handler would, and counts.</summary>
internal sealed class PushRefHandler(HandledCounter counter) : IWebhookHandler<GitHubPushEvent>
{
    public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
    {
        if (webhook.Payload.Ref is { Length: > 0 })
        {
            counter.Increment();
        }

        return Task.CompletedTask;
    }
}
