namespace WebhookKit.GitHub;

/// <summary>
/// The basics of a pull request as sent in <c>pull_request</c> events.
/// </summary>
public sealed class GitHubPullRequest
{
    /// <summary>Gets the pull request's numeric id (not its number).</summary>
    public long Id { get; init; }

    /// <summary>Gets the pull request's GraphQL node id.</summary>
    public string? NodeId { get; init; }

    /// <summary>Gets the pull request number within its repository.</summary>
    public int Number { get; init; }

    /// <summary>Gets the title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the state, such as <c>open</c> or <c>closed</c>.</summary>
    public string? State { get; init; }

    /// <summary>Gets the URL of the pull request's page on GitHub.</summary>
    public string? HtmlUrl { get; init; }

    /// <summary>Gets the account that opened the pull request.</summary>
    public GitHubUser? User { get; init; }

    /// <summary>Gets the description in Markdown.</summary>
    public string? Body { get; init; }

    /// <summary>Gets the branch holding the changes.</summary>
    public GitHubPullRequestBranch? Head { get; init; }

    /// <summary>Gets the branch the changes are to be merged into.</summary>
    public GitHubPullRequestBranch? Base { get; init; }

    /// <summary>Gets a value indicating whether the pull request has been merged.</summary>
    public bool? Merged { get; init; }

    /// <summary>Gets a value indicating whether the pull request is a draft.</summary>
    public bool? Draft { get; init; }

    /// <summary>Gets the SHA of the merge commit, when there is one.</summary>
    public string? MergeCommitSha { get; init; }

    /// <summary>Gets the labels on the pull request.</summary>
    public IReadOnlyList<GitHubLabel>? Labels { get; init; }

    /// <summary>Gets when the pull request was opened.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the pull request was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets when the pull request was closed, if it is.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Gets when the pull request was merged, if it is.</summary>
    public DateTimeOffset? MergedAt { get; init; }
}
