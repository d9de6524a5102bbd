namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab user as it appears in webhook payloads (the <c>user</c> who triggered an event, assignees, reviewers).
/// </summary>
public sealed class GitLabUser
{
    /// <summary>Gets or sets the user's numeric id; not every payload includes it.</summary>
    public long? Id { get; set; }

    /// <summary>Gets or sets the display name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the user name (handle).</summary>
    public string? Username { get; set; }

    /// <summary>Gets or sets the URL of the user's avatar image.</summary>
    public string? AvatarUrl { get; set; }

    /// <summary>Gets or sets the e-mail address, when GitLab includes it (it is often redacted).</summary>
    public string? Email { get; set; }
}
