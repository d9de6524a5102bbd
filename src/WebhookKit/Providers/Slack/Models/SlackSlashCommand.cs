namespace WebhookKit.Slack;

/// <summary>
/// A slash command invocation (event type <c>slash_command</c>): Slack's form fields, as handlers receive them.
/// Reply later through <see cref="ResponseUrl"/>; WebhookKit acknowledges the command with an empty 200 at once.
/// </summary>
public sealed class SlackSlashCommand
{
    /// <summary>Gets or sets the command that was typed, for example <c>/deploy</c>.</summary>
    public string? Command { get; set; }

    /// <summary>Gets or sets the text after the command; empty when there is none.</summary>
    public string? Text { get; set; }

    /// <summary>Gets or sets the workspace id.</summary>
    public string? TeamId { get; set; }

    /// <summary>Gets or sets the workspace's domain.</summary>
    public string? TeamDomain { get; set; }

    /// <summary>Gets or sets the Enterprise Grid organization id, when there is one.</summary>
    public string? EnterpriseId { get; set; }

    /// <summary>Gets or sets the Enterprise Grid organization name, when there is one.</summary>
    public string? EnterpriseName { get; set; }

    /// <summary>Gets or sets the channel the command was typed in.</summary>
    public string? ChannelId { get; set; }

    /// <summary>Gets or sets the channel's name.</summary>
    public string? ChannelName { get; set; }

    /// <summary>Gets or sets the id of the user who typed the command.</summary>
    public string? UserId { get; set; }

    /// <summary>Gets or sets the (legacy) name of the user who typed the command.</summary>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the URL to post delayed responses to (up to 5 times within 30 minutes).</summary>
    public string? ResponseUrl { get; set; }

    /// <summary>Gets or sets the short-lived trigger id to open a modal with; also the delivery's event id.</summary>
    public string? TriggerId { get; set; }

    /// <summary>Gets or sets the app the command belongs to.</summary>
    public string? ApiAppId { get; set; }
}
