namespace WebhookKit.Slack;

/// <summary>A Slack workspace as interactivity payloads describe it.</summary>
public sealed class SlackTeam
{
    /// <summary>Gets the workspace id, for example <c>T9TK3CUKW</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the workspace's domain.</summary>
    public string? Domain { get; init; }
}
