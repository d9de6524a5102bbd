using WebhookKit.GitHub;

namespace WebhookKit.Sample.Handlers;

/// <summary>Handles GitHub <c>ping</c> events, sent when a webhook is created.</summary>
public sealed partial class GitHubPingHandler(DemoLedger ledger, ILogger<GitHubPingHandler> logger) : IWebhookHandler<GitHubPingEvent>
{
    public Task HandleAsync(WebhookEvent<GitHubPingEvent> webhook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var ping = webhook.Payload;
        LogPing(logger, webhook.EventId, ping.HookId, ping.Repository?.FullName);
        ledger.Record(webhook.ReceiverName, webhook.EventId, nameof(GitHubPingHandler));
        return Task.CompletedTask;
    }

    [LoggerMessage(LogLevel.Information, "GitHub ping {EventId}: hook {HookId} on {Repository} is set up.")]
    private static partial void LogPing(ILogger logger, string eventId, long hookId, string? repository);
}
