namespace WebhookKit.Slack;

/// <summary>A Slack workspace as interactivity payloads describe it.</summary>
public sealed class SlackTeam
{
    /// <summary>Gets or sets the workspace id, for example <c>T9TK3CUKW</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the workspace's domain.</summary>
    public string? Domain { get; set; }
}
