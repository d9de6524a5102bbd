namespace WebhookKit.GitHub;

/// <summary>
/// A GitHub <c>push</c> event: one or more commits pushed to a branch or tag, or a branch or tag created or deleted.
/// </summary>
public sealed class GitHubPushEvent : IGitHubEventEnvelope
{
    /// <summary>Gets or sets the full ref that was pushed, for example <c>refs/heads/main</c> or <c>refs/tags/v1.0</c>.</summary>
    public string? Ref { get; set; }

    /// <summary>Gets or sets the SHA the ref pointed at before the push (all zeros when the ref was created).</summary>
    public string? Before { get; set; }

    /// <summary>Gets or sets the SHA the ref points at after the push (all zeros when the ref was deleted).</summary>
    public string? After { get; set; }

    /// <summary>Gets or sets a value indicating whether the push created the ref.</summary>
    public bool Created { get; set; }

    /// <summary>Gets or sets a value indicating whether the push deleted the ref.</summary>
    public bool Deleted { get; set; }

    /// <summary>Gets or sets a value indicating whether the push was a force push.</summary>
    public bool Forced { get; set; }

    /// <summary>Gets or sets the ref the pushed ref was based on, when GitHub knows it.</summary>
    public string? BaseRef { get; set; }

    /// <summary>Gets or sets the URL comparing <see cref="Before"/> with <see cref="After"/>.</summary>
    public string? Compare { get; set; }

    /// <summary>Gets or sets the pushed commits (GitHub sends at most 2048, and none for deletions).</summary>
    public IReadOnlyList<GitHubCommit>? Commits { get; set; }

    /// <summary>Gets or sets the commit the ref now points at; <see langword="null"/> when the ref was deleted.</summary>
    public GitHubCommit? HeadCommit { get; set; }

    /// <summary>Gets or sets the git identity that pushed.</summary>
    public GitHubCommitAuthor? Pusher { get; set; }

    /// <summary>Gets or sets the repository the event is about; <see langword="null"/> for events not tied to a repository.</summary>
    public GitHubRepository? Repository { get; set; }

    /// <summary>Gets or sets the account that triggered the event.</summary>
    public GitHubUser? Sender { get; set; }

    /// <summary>Gets or sets the organization, when the event happened in one.</summary>
    public GitHubOrganization? Organization { get; set; }

    /// <summary>Gets or sets the GitHub App installation, when the webhook belongs to a GitHub App.</summary>
    public GitHubInstallation? Installation { get; set; }
}
