namespace WebhookKit.GitHub;

/// <summary>
/// The basics of a pull request as sent in <c>pull_request</c> events.
/// </summary>
public sealed class GitHubPullRequest
{
    /// <summary>Gets or sets the pull request's numeric id (not its number).</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the pull request's GraphQL node id.</summary>
    public string? NodeId { get; set; }

    /// <summary>Gets or sets the pull request number within its repository.</summary>
    public int Number { get; set; }

    /// <summary>Gets or sets the title.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the state, such as <c>open</c> or <c>closed</c>.</summary>
    public string? State { get; set; }

    /// <summary>Gets or sets the URL of the pull request's page on GitHub.</summary>
    public string? HtmlUrl { get; set; }

    /// <summary>Gets or sets the account that opened the pull request.</summary>
    public GitHubUser? User { get; set; }

    /// <summary>Gets or sets the description in Markdown.</summary>
    public string? Body { get; set; }

    /// <summary>Gets or sets the branch holding the changes.</summary>
    public GitHubPullRequestBranch? Head { get; set; }

    /// <summary>Gets or sets the branch the changes are to be merged into.</summary>
    public GitHubPullRequestBranch? Base { get; set; }

    /// <summary>Gets or sets a value indicating whether the pull request has been merged.</summary>
    public bool? Merged { get; set; }

    /// <summary>Gets or sets a value indicating whether the pull request is a draft.</summary>
    public bool? Draft { get; set; }

    /// <summary>Gets or sets the SHA of the merge commit, when there is one.</summary>
    public string? MergeCommitSha { get; set; }

    /// <summary>Gets or sets the labels on the pull request.</summary>
    public IReadOnlyList<GitHubLabel>? Labels { get; set; }

    /// <summary>Gets or sets when the pull request was opened.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the pull request was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Gets or sets when the pull request was closed, if it is.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Gets or sets when the pull request was merged, if it is.</summary>
    public DateTimeOffset? MergedAt { get; set; }
}
