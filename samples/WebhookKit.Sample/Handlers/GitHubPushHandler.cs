using WebhookKit.GitHub;

namespace WebhookKit.Sample.Handlers;

/// <summary>Handles GitHub <c>push</c> events.</summary>
public sealed partial class GitHubPushHandler(DemoLedger ledger, ILogger<GitHubPushHandler> logger) : IWebhookHandler<GitHubPushEvent>
{
    public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var push = webhook.Payload;
        LogPush(logger, webhook.EventId, push.Repository?.FullName, push.Ref, push.Commits?.Count ?? 0, push.Sender?.Login);
        ledger.Record(webhook.ReceiverName, webhook.EventId, nameof(GitHubPushHandler));
        return Task.CompletedTask;
    }

    // What was received, never the body or a secret.
    [LoggerMessage(LogLevel.Information, "GitHub push {EventId}: {Repository} {Ref}, {CommitCount} commit(s), by {Sender}.")]
    private static partial void LogPush(ILogger logger, string eventId, string? repository, string? @ref, int commitCount, string? sender);
}
