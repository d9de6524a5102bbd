namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab tag push event (<c>X-Gitlab-Event: Tag Push Hook</c>): a tag created or deleted.
/// </summary>
public sealed class GitLabTagPushEvent : IGitLabPushFields
{
    /// <summary>Gets or sets the kind of event; <c>tag_push</c>.</summary>
    public string? ObjectKind { get; set; }

    /// <summary>Gets or sets the event name, when GitLab sends it.</summary>
    public string? EventName { get; set; }

    /// <summary>Gets or sets the SHA the ref pointed at before the push (all zeros when the ref was created).</summary>
    public string? Before { get; set; }

    /// <summary>Gets or sets the SHA the ref points at after the push (all zeros when the ref was deleted).</summary>
    public string? After { get; set; }

    /// <summary>Gets or sets the full ref that was pushed, for example <c>refs/heads/main</c> or <c>refs/tags/v1.0.0</c>.</summary>
    public string? Ref { get; set; }

    /// <summary>Gets or sets the SHA of the commit the ref now points at; <see langword="null"/> when the ref was deleted.</summary>
    public string? CheckoutSha { get; set; }

    /// <summary>Gets or sets the id of the user who pushed.</summary>
    public long? UserId { get; set; }

    /// <summary>Gets or sets the display name of the user who pushed.</summary>
    public string? UserName { get; set; }

    /// <summary>Gets or sets the user name (handle) of the user who pushed.</summary>
    public string? UserUsername { get; set; }

    /// <summary>Gets or sets the e-mail address of the user who pushed, when GitLab includes it.</summary>
    public string? UserEmail { get; set; }

    /// <summary>Gets or sets the avatar URL of the user who pushed.</summary>
    public string? UserAvatar { get; set; }

    /// <summary>Gets or sets the id of the project.</summary>
    public long? ProjectId { get; set; }

    /// <summary>Gets or sets the project.</summary>
    public GitLabProject? Project { get; set; }

    /// <summary>Gets or sets the pushed commits (GitLab sends at most 20; see <see cref="TotalCommitsCount"/>).</summary>
    public IReadOnlyList<GitLabCommit>? Commits { get; set; }

    /// <summary>Gets or sets the total number of commits pushed, which may exceed the number in <see cref="Commits"/>.</summary>
    public int? TotalCommitsCount { get; set; }
}
