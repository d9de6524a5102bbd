namespace WebhookKit.GitHub;

/// <summary>
/// A GitHub <c>issue_comment</c> event: a comment on an issue or pull request was created, edited or deleted.
/// </summary>
public sealed class GitHubIssueCommentEvent : IGitHubEventEnvelope
{
    /// <summary>Gets or sets the action that was performed, such as <c>opened</c>. Kept as a string so actions GitHub adds later are not rejected.</summary>
    public string? Action { get; set; }

    /// <summary>Gets or sets the issue (or pull request) the comment belongs to.</summary>
    public GitHubIssue? Issue { get; set; }

    /// <summary>Gets or sets the comment.</summary>
    public GitHubComment? Comment { get; set; }

    /// <summary>Gets or sets the repository the event is about; <see langword="null"/> for events not tied to a repository.</summary>
    public GitHubRepository? Repository { get; set; }

    /// <summary>Gets or sets the account that triggered the event.</summary>
    public GitHubUser? Sender { get; set; }

    /// <summary>Gets or sets the organization, when the event happened in one.</summary>
    public GitHubOrganization? Organization { get; set; }

    /// <summary>Gets or sets the GitHub App installation, when the webhook belongs to a GitHub App.</summary>
    public GitHubInstallation? Installation { get; set; }
}
