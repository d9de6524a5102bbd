using System.Text.Json.Serialization;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using WebhookKit.GitHub;

namespace WebhookKit.LoadHost;

/// <summary>What both libraries' handlers count; each handler reads the push's <c>ref</c>.</summary>
internal sealed class Counters(TimeSpan handlerDelay)
{
    private long _webhookKit;
    private long _octokit;
    private long _badRef;

    public TimeSpan HandlerDelay { get; } = handlerDelay;

    public long WebhookKit => Interlocked.Read(ref _webhookKit);

    public long Octokit => Interlocked.Read(ref _octokit);

    public long BadRef => Interlocked.Read(ref _badRef);

    public void Handled(ref long counter, string? pushedRef)
    {
        if (pushedRef != "refs/heads/main")
        {
            Interlocked.Increment(ref _badRef);
        }

        Interlocked.Increment(ref counter);
    }

    public void WebhookKitHandled(string? pushedRef) => Handled(ref _webhookKit, pushedRef);

    public void OctokitHandled(string? pushedRef) => Handled(ref _octokit, pushedRef);
}

/// <summary>WebhookKit's handler: runs in the background after the 200.</summary>
internal sealed class WebhookKitPushHandler(Counters counters) : IWebhookHandler<GitHubPushEvent>
{
    public async Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
    {
        if (counters.HandlerDelay > TimeSpan.Zero)
        {
            await Task.Delay(counters.HandlerDelay, cancellationToken);
        }

        counters.WebhookKitHandled(webhook.Payload.Ref);
    }
}

/// <summary>A push model a handler declares for itself when it needs only the ref (scenario 1c).</summary>
internal sealed class LeanPush
{
    public string? Ref { get; set; }
}

[JsonSerializable(typeof(LeanPush))]
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
internal sealed partial class LeanPushJsonContext : JsonSerializerContext;

/// <summary>WebhookKit's handler over <see cref="LeanPush"/>: the same work, a model that declares only what it reads.</summary>
internal sealed class WebhookKitLeanPushHandler(Counters counters) : IWebhookHandler<LeanPush>
{
    public Task HandleAsync(WebhookEvent<LeanPush> webhook, CancellationToken cancellationToken)
    {
        counters.WebhookKitHandled(webhook.Payload.Ref);
        return Task.CompletedTask;
    }
}

/// <summary>Octokit.Webhooks' handler: runs before the response, as that library does.</summary>
internal sealed class OctokitPushProcessor(Counters counters) : WebhookEventProcessor
{
    protected override async ValueTask ProcessPushWebhookAsync(WebhookHeaders headers, PushEvent pushEvent, CancellationToken cancellationToken = default)
    {
        if (counters.HandlerDelay > TimeSpan.Zero)
        {
            await Task.Delay(counters.HandlerDelay, cancellationToken);
        }

        counters.OctokitHandled(pushEvent.Ref);
    }
}
