namespace WebhookKit.Slack;

/// <summary>A Slack user as interactivity payloads describe it.</summary>
public sealed class SlackUser
{
    /// <summary>Gets or sets the user id, for example <c>UA8RXUSPL</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the user's handle.</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the user's (legacy) name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the user's workspace id.</summary>
    public string? TeamId { get; set; }
}
