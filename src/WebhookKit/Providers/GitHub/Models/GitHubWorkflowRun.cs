namespace WebhookKit.GitHub;

/// <summary>
/// The basics of a GitHub Actions workflow run, as sent in <c>workflow_run</c> events.
/// </summary>
public sealed class GitHubWorkflowRun
{
    /// <summary>Gets or sets the run's numeric id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the run name (often the workflow name; may be empty).</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the title shown for the run, usually the head commit message or pull request title.</summary>
    public string? DisplayTitle { get; set; }

    /// <summary>Gets or sets the branch the run is for; <see langword="null"/> for runs not tied to a branch.</summary>
    public string? HeadBranch { get; set; }

    /// <summary>Gets or sets the SHA of the commit the run is for.</summary>
    public string? HeadSha { get; set; }

    /// <summary>Gets or sets the path of the workflow file.</summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets the status, such as <c>requested</c>, <c>in_progress</c> or <c>completed</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the conclusion of a completed run, such as <c>success</c> or <c>failure</c>; otherwise <see langword="null"/>.</summary>
    public string? Conclusion { get; set; }

    /// <summary>Gets or sets the event that triggered the run, such as <c>push</c> or <c>pull_request</c>.</summary>
    public string? Event { get; set; }

    /// <summary>Gets or sets the run number, which increases with each run of the workflow.</summary>
    public long RunNumber { get; set; }

    /// <summary>Gets or sets the attempt number of the run.</summary>
    public int? RunAttempt { get; set; }

    /// <summary>Gets or sets the id of the workflow.</summary>
    public long? WorkflowId { get; set; }

    /// <summary>Gets or sets the URL of the run's page on GitHub.</summary>
    public string? HtmlUrl { get; set; }

    /// <summary>Gets or sets the account that triggered the first attempt of the run.</summary>
    public GitHubUser? Actor { get; set; }

    /// <summary>Gets or sets the head commit of the run.</summary>
    public GitHubCommit? HeadCommit { get; set; }

    /// <summary>Gets or sets when the run was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the run was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Gets or sets when the current attempt of the run started.</summary>
    public DateTimeOffset? RunStartedAt { get; set; }
}
