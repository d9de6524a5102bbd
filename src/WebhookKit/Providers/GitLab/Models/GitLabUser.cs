namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab user as it appears in webhook payloads (the <c>user</c> who triggered an event, assignees, reviewers).
/// </summary>
public sealed class GitLabUser
{
    /// <summary>Gets the user's numeric id; not every payload includes it.</summary>
    public long? Id { get; init; }

    /// <summary>Gets the display name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the user name (handle).</summary>
    public string? Username { get; init; }

    /// <summary>Gets the URL of the user's avatar image.</summary>
    public string? AvatarUrl { get; init; }

    /// <summary>Gets the e-mail address, when GitLab includes it (it is often redacted).</summary>
    public string? Email { get; init; }
}
