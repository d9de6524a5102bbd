namespace WebhookKit.GitHub;

/// <summary>
/// A GitHub <c>issue_comment</c> event: a comment on an issue or pull request was created, edited or deleted.
/// </summary>
public sealed class GitHubIssueCommentEvent
{
    /// <summary>Gets the action that was performed, such as <c>opened</c>. Kept as a string so actions GitHub adds later are not rejected.</summary>
    public string? Action { get; init; }

    /// <summary>Gets the issue (or pull request) the comment belongs to.</summary>
    public GitHubIssue? Issue { get; init; }

    /// <summary>Gets the comment.</summary>
    public GitHubComment? Comment { get; init; }

    /// <summary>Gets the repository the event is about; <see langword="null"/> for events not tied to a repository.</summary>
    public GitHubRepository? Repository { get; init; }

    /// <summary>Gets the account that triggered the event.</summary>
    public GitHubUser? Sender { get; init; }

    /// <summary>Gets the organization, when the event happened in one.</summary>
    public GitHubOrganization? Organization { get; init; }

    /// <summary>Gets the GitHub App installation, when the webhook belongs to a GitHub App.</summary>
    public GitHubInstallation? Installation { get; init; }
}
