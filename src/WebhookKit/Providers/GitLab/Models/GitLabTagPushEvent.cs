namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab tag push event (<c>X-Gitlab-Event: Tag Push Hook</c>): a tag created or deleted.
/// </summary>
public sealed class GitLabTagPushEvent
{
    /// <summary>Gets the kind of event; <c>tag_push</c>.</summary>
    public string? ObjectKind { get; init; }

    /// <summary>Gets the event name, when GitLab sends it.</summary>
    public string? EventName { get; init; }

    /// <summary>Gets the SHA the ref pointed at before the push (all zeros when the ref was created).</summary>
    public string? Before { get; init; }

    /// <summary>Gets the SHA the ref points at after the push (all zeros when the ref was deleted).</summary>
    public string? After { get; init; }

    /// <summary>Gets the full ref that was pushed, for example <c>refs/heads/main</c> or <c>refs/tags/v1.0.0</c>.</summary>
    public string? Ref { get; init; }

    /// <summary>Gets the SHA of the commit the ref now points at; <see langword="null"/> when the ref was deleted.</summary>
    public string? CheckoutSha { get; init; }

    /// <summary>Gets the id of the user who pushed.</summary>
    public long? UserId { get; init; }

    /// <summary>Gets the display name of the user who pushed.</summary>
    public string? UserName { get; init; }

    /// <summary>Gets the user name (handle) of the user who pushed.</summary>
    public string? UserUsername { get; init; }

    /// <summary>Gets the e-mail address of the user who pushed, when GitLab includes it.</summary>
    public string? UserEmail { get; init; }

    /// <summary>Gets the avatar URL of the user who pushed.</summary>
    public string? UserAvatar { get; init; }

    /// <summary>Gets the id of the project.</summary>
    public long? ProjectId { get; init; }

    /// <summary>Gets the project.</summary>
    public GitLabProject? Project { get; init; }

    /// <summary>Gets the pushed commits (GitLab sends at most 20; see <see cref="TotalCommitsCount"/>).</summary>
    public IReadOnlyList<GitLabCommit>? Commits { get; init; }

    /// <summary>Gets the total number of commits pushed, which may exceed the number in <see cref="Commits"/>.</summary>
    public int? TotalCommitsCount { get; init; }
}
