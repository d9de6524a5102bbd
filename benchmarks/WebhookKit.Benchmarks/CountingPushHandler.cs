using WebhookKit.GitHub;

namespace WebhookKit.Benchmarks;

/// <summary>A push handler, so that push deliveries are queued (events nobody handles are acknowledged without queueing).</summary>
public sealed class CountingPushHandler : IWebhookHandler<GitHubPushEvent>
{
    private static long s_handled;

    public static long Handled => Interlocked.Read(ref s_handled);

    public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref s_handled);
        return Task.CompletedTask;
    }
}
