using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Octokit.Webhooks;
using Octokit.Webhooks.AspNetCore;
using WebhookKit.Dispatch;
using WebhookKit.LoadHost;

// The load test's server: four endpoints on loopback that receive the same signed GitHub push.
//   POST /bare              read the body into a pooled buffer, 200
//   POST /floor             the same + HMAC-SHA256 + FixedTimeEquals against X-Hub-Signature-256 (the verify floor)
//   POST /webhooks/github   WebhookKit (MapWebhooks), handler reads the push's ref and counts, in the background
//   POST /octokit           Octokit.Webhooks.AspNetCore (MapGitHubWebhooks), handler reads the ref and counts
//   GET  /stats             handled counts, WebhookKit's queue, collections, bytes allocated and promoted, for run.sh
//   GET  /gc                the last collection: generation, bytes promoted, pause, heap sizes (poll it under load)
//   GET  /gclog             the last 512 collections, one per line: generation, type, reason, pause, bytes promoted
// Options (command line): --Port, --Secret, --HandlerDelayMs, --WebhookKitHandler=true|false|lean (false, diagnostic:
// no push handler, so WebhookKit verifies, identifies and acknowledges each delivery without claiming or queueing it;
// lean: the push handler takes a model of its own that declares only `ref`, registered with AddPayloadType), and any
// Webhooks:* option of WebhookKit.
var builder = WebApplication.CreateBuilder(args);
var port = builder.Configuration.GetValue("Port", 5080);
var secret = builder.Configuration["Secret"] ?? throw new InvalidOperationException("--Secret is required.");
var handlerDelay = TimeSpan.FromMilliseconds(builder.Configuration.GetValue("HandlerDelayMs", 0));
var webhookKitHandler = builder.Configuration["WebhookKitHandler"] ?? "true";

builder.Logging.ClearProviders();
builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

var counters = new Counters(handlerDelay);
using var promotions = new GcPromotionListener();
builder.Services.AddSingleton(counters);
// wrk sends one signed body under a new X-GitHub-Delivery per request (it cannot sign per request), which the body-digest
// defence answers as replays of the first: it is off here, so that every request is a new event as for the peers. The
// digest's cost is measured in process (ReceivePipelineBenchmarks.Accepted), where each body is claimed afresh.
var webhooks = builder.Services.AddWebhooks().AddGitHub(options =>
{
    options.Secrets.Add(secret);
    options.DeduplicateByBody = false;
});
switch (webhookKitHandler)
{
    case "true":
        webhooks.AddHandler<WebhookKitPushHandler>();
        break;
    case "lean":
        webhooks.AddPayloadType("github", "push", LeanPushJsonContext.Default.LeanPush).AddHandler<WebhookKitLeanPushHandler>();
        break;
    case "false":
        break;
    default:
        throw new InvalidOperationException("--WebhookKitHandler is true, false or lean.");
}

builder.Services.AddSingleton<WebhookEventProcessor, OctokitPushProcessor>();

var app = builder.Build();
var key = Encoding.UTF8.GetBytes(secret);

app.MapPost("/bare", async context =>
{
    var (buffer, _) = await Body.ReadAsync(context.Request, context.RequestAborted);
    ArrayPool<byte>.Shared.Return(buffer);
    context.Response.StatusCode = StatusCodes.Status200OK;
    context.Response.ContentLength = 0;
});

app.MapPost("/floor", async context =>
{
    var (buffer, length) = await Body.ReadAsync(context.Request, context.RequestAborted);
    try
    {
        context.Response.StatusCode = Body.SignatureMatches(key, buffer.AsSpan(0, length), context.Request.Headers["X-Hub-Signature-256"].ToString())
            ? StatusCodes.Status200OK
            : StatusCodes.Status401Unauthorized;
        context.Response.ContentLength = 0;
    }
    finally
    {
        ArrayPool<byte>.Shared.Return(buffer);
    }
});

app.MapWebhooks();
app.MapGitHubWebhooks("/octokit", secret);

app.MapGet("/stats", (IWebhookQueue queue) => Results.Text(
    $"webhookkit_handled={counters.WebhookKit} webhookkit_queue={queue.Count} octokit_handled={counters.Octokit} bad_ref={counters.BadRef} "
    + $"gc_pause_ms={GC.GetTotalPauseDuration().TotalMilliseconds:F0} gc0={GC.CollectionCount(0)} gc1={GC.CollectionCount(1)} gc2={GC.CollectionCount(2)} allocated_mb={GC.GetTotalAllocatedBytes(precise: true) / 1048576} promoted_kb={promotions.PromotedBytes / 1024}\n"));

app.MapGet("/gc", () =>
{
    var info = GC.GetGCMemoryInfo(GCKind.Any);
    return Results.Text($"index={info.Index} gen={info.Generation} compacted={info.Compacted} promoted_kb={info.PromotedBytes / 1024} pause_ms={info.PauseDurations[0].TotalMilliseconds:F2} heap_mb={info.HeapSizeBytes / 1048576} gen0_kb={info.GenerationInfo[0].SizeAfterBytes / 1024} gen1_kb={info.GenerationInfo[1].SizeAfterBytes / 1024} poh_kb={info.GenerationInfo[4].SizeAfterBytes / 1024} pinned={info.PinnedObjectsCount}\n");
});

app.MapGet("/gclog", () => Results.Text(promotions.Log()));

app.Run();
