namespace WebhookKit.Slack;

/// <summary>
/// A slash command invocation (event type <c>slash_command</c>): Slack's form fields, as handlers receive them.
/// Reply later through <see cref="ResponseUrl"/>; WebhookKit acknowledges the command with an empty 200 at once.
/// </summary>
public sealed class SlackSlashCommand
{
    /// <summary>Gets the command that was typed, for example <c>/deploy</c>.</summary>
    public string? Command { get; init; }

    /// <summary>Gets the text after the command; empty when there is none.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the workspace id.</summary>
    public string? TeamId { get; init; }

    /// <summary>Gets the workspace's domain.</summary>
    public string? TeamDomain { get; init; }

    /// <summary>Gets the Enterprise Grid organization id, when there is one.</summary>
    public string? EnterpriseId { get; init; }

    /// <summary>Gets the Enterprise Grid organization name, when there is one.</summary>
    public string? EnterpriseName { get; init; }

    /// <summary>Gets the channel the command was typed in.</summary>
    public string? ChannelId { get; init; }

    /// <summary>Gets the channel's name.</summary>
    public string? ChannelName { get; init; }

    /// <summary>Gets the id of the user who typed the command.</summary>
    public string? UserId { get; init; }

    /// <summary>Gets the (legacy) name of the user who typed the command.</summary>
    public string? UserName { get; init; }

    /// <summary>Gets the URL to post delayed responses to (up to 5 times within 30 minutes).</summary>
    public string? ResponseUrl { get; init; }

    /// <summary>Gets the short-lived trigger id to open a modal with; also the delivery's event id.</summary>
    public string? TriggerId { get; init; }

    /// <summary>Gets the app the command belongs to.</summary>
    public string? ApiAppId { get; init; }
}
