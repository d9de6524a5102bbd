namespace WebhookKit.Internal;

/// <summary>The <c>webhookkit.outcome</c> values of <c>webhookkit.handler.duration</c>.</summary>
internal static class HandlerOutcome
{
    public const string Success = "success";
    public const string Retried = "retried";
    public const string DeadLettered = "dead_lettered";
}
