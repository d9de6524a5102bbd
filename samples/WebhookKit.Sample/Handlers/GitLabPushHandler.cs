using WebhookKit.GitLab;

namespace WebhookKit.Sample.Handlers;

/// <summary>Handles GitLab push events (<c>X-Gitlab-Event: Push Hook</c>).</summary>
public sealed partial class GitLabPushHandler(DemoLedger ledger, ILogger<GitLabPushHandler> logger) : IWebhookHandler<GitLabPushEvent>
{
    public Task HandleAsync(WebhookEvent<GitLabPushEvent> webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var push = webhook.Payload;
        LogPush(logger, webhook.EventId, push.Project?.PathWithNamespace, push.Ref, push.TotalCommitsCount ?? push.Commits?.Count ?? 0, push.UserUsername);
        ledger.Record(webhook.ReceiverName, webhook.EventId, nameof(GitLabPushHandler));
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "GitLab push {EventId}: {Project} {Ref}, {CommitCount} commit(s), by {User}.")]
    private static partial void LogPush(ILogger logger, string eventId, string? project, string? @ref, int commitCount, string? user);
}
