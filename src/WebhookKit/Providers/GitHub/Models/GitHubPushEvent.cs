namespace WebhookKit.GitHub;

/// <summary>
/// A GitHub <c>push</c> event: one or more commits pushed to a branch or tag, or a branch or tag created or deleted.
/// </summary>
public sealed class GitHubPushEvent
{
    /// <summary>Gets the full ref that was pushed, for example <c>refs/heads/main</c> or <c>refs/tags/v1.0</c>.</summary>
    public string? Ref { get; init; }

    /// <summary>Gets the SHA the ref pointed at before the push (all zeros when the ref was created).</summary>
    public string? Before { get; init; }

    /// <summary>Gets the SHA the ref points at after the push (all zeros when the ref was deleted).</summary>
    public string? After { get; init; }

    /// <summary>Gets a value indicating whether the push created the ref.</summary>
    public bool Created { get; init; }

    /// <summary>Gets a value indicating whether the push deleted the ref.</summary>
    public bool Deleted { get; init; }

    /// <summary>Gets a value indicating whether the push was a force push.</summary>
    public bool Forced { get; init; }

    /// <summary>Gets the ref the pushed ref was based on, when GitHub knows it.</summary>
    public string? BaseRef { get; init; }

    /// <summary>Gets the URL comparing <see cref="Before"/> with <see cref="After"/>.</summary>
    public string? Compare { get; init; }

    /// <summary>Gets the pushed commits (GitHub sends at most 2048, and none for deletions).</summary>
    public IReadOnlyList<GitHubCommit>? Commits { get; init; }

    /// <summary>Gets the commit the ref now points at; <see langword="null"/> when the ref was deleted.</summary>
    public GitHubCommit? HeadCommit { get; init; }

    /// <summary>Gets the git identity that pushed.</summary>
    public GitHubCommitAuthor? Pusher { get; init; }

    /// <summary>Gets the repository the event is about; <see langword="null"/> for events not tied to a repository.</summary>
    public GitHubRepository? Repository { get; init; }

    /// <summary>Gets the account that triggered the event.</summary>
    public GitHubUser? Sender { get; init; }

    /// <summary>Gets the organization, when the event happened in one.</summary>
    public GitHubOrganization? Organization { get; init; }

    /// <summary>Gets the GitHub App installation, when the webhook belongs to a GitHub App.</summary>
    public GitHubInstallation? Installation { get; init; }
}
