namespace WebhookKit.GitHub;

/// <summary>
/// The basics of an issue as sent in <c>issues</c> and <c>issue_comment</c> events.
/// </summary>
public sealed class GitHubIssue
{
    /// <summary>Gets or sets the issue's numeric id (not its number).</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the issue's GraphQL node id.</summary>
    public string? NodeId { get; set; }

    /// <summary>Gets or sets the issue number within its repository.</summary>
    public int Number { get; set; }

    /// <summary>Gets or sets the title.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the state, such as <c>open</c> or <c>closed</c>.</summary>
    public string? State { get; set; }

    /// <summary>Gets or sets the reason for the state, such as <c>completed</c> or <c>not_planned</c>, when set.</summary>
    public string? StateReason { get; set; }

    /// <summary>Gets or sets the URL of the issue's page on GitHub.</summary>
    public string? HtmlUrl { get; set; }

    /// <summary>Gets or sets the account that opened the issue.</summary>
    public GitHubUser? User { get; set; }

    /// <summary>Gets or sets the description in Markdown.</summary>
    public string? Body { get; set; }

    /// <summary>Gets or sets the labels on the issue.</summary>
    public IReadOnlyList<GitHubLabel>? Labels { get; set; }

    /// <summary>Gets or sets the accounts assigned to the issue.</summary>
    public IReadOnlyList<GitHubUser>? Assignees { get; set; }

    /// <summary>Gets or sets the number of comments.</summary>
    public int? Comments { get; set; }

    /// <summary>Gets or sets the pull request links; not <see langword="null"/> only when this issue is a pull request.</summary>
    public GitHubIssuePullRequest? PullRequest { get; set; }

    /// <summary>Gets or sets when the issue was opened.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the issue was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Gets or sets when the issue was closed, if it is.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
