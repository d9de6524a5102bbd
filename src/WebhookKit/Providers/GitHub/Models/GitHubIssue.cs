namespace WebhookKit.GitHub;

/// <summary>
/// The basics of an issue as sent in <c>issues</c> and <c>issue_comment</c> events.
/// </summary>
public sealed class GitHubIssue
{
    /// <summary>Gets the issue's numeric id (not its number).</summary>
    public long Id { get; init; }

    /// <summary>Gets the issue's GraphQL node id.</summary>
    public string? NodeId { get; init; }

    /// <summary>Gets the issue number within its repository.</summary>
    public int Number { get; init; }

    /// <summary>Gets the title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the state, such as <c>open</c> or <c>closed</c>.</summary>
    public string? State { get; init; }

    /// <summary>Gets the reason for the state, such as <c>completed</c> or <c>not_planned</c>, when set.</summary>
    public string? StateReason { get; init; }

    /// <summary>Gets the URL of the issue's page on GitHub.</summary>
    public string? HtmlUrl { get; init; }

    /// <summary>Gets the account that opened the issue.</summary>
    public GitHubUser? User { get; init; }

    /// <summary>Gets the description in Markdown.</summary>
    public string? Body { get; init; }

    /// <summary>Gets the labels on the issue.</summary>
    public IReadOnlyList<GitHubLabel>? Labels { get; init; }

    /// <summary>Gets the accounts assigned to the issue.</summary>
    public IReadOnlyList<GitHubUser>? Assignees { get; init; }

    /// <summary>Gets the number of comments.</summary>
    public int? Comments { get; init; }

    /// <summary>Gets the pull request links; not <see langword="null"/> only when this issue is a pull request.</summary>
    public GitHubIssuePullRequest? PullRequest { get; init; }

    /// <summary>Gets when the issue was opened.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the issue was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets when the issue was closed, if it is.</summary>
    public DateTimeOffset? ClosedAt { get; init; }
}
