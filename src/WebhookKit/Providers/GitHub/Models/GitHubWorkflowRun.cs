namespace WebhookKit.GitHub;

/// <summary>
/// The basics of a GitHub Actions workflow run, as sent in <c>workflow_run</c> events.
/// </summary>
public sealed class GitHubWorkflowRun
{
    /// <summary>Gets the run's numeric id.</summary>
    public long Id { get; init; }

    /// <summary>Gets the run name (often the workflow name; may be empty).</summary>
    public string? Name { get; init; }

    /// <summary>Gets the title shown for the run, usually the head commit message or pull request title.</summary>
    public string? DisplayTitle { get; init; }

    /// <summary>Gets the branch the run is for; <see langword="null"/> for runs not tied to a branch.</summary>
    public string? HeadBranch { get; init; }

    /// <summary>Gets the SHA of the commit the run is for.</summary>
    public string? HeadSha { get; init; }

    /// <summary>Gets the path of the workflow file.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the status, such as <c>requested</c>, <c>in_progress</c> or <c>completed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the conclusion of a completed run, such as <c>success</c> or <c>failure</c>; otherwise <see langword="null"/>.</summary>
    public string? Conclusion { get; init; }

    /// <summary>Gets the event that triggered the run, such as <c>push</c> or <c>pull_request</c>.</summary>
    public string? Event { get; init; }

    /// <summary>Gets the run number, which increases with each run of the workflow.</summary>
    public long RunNumber { get; init; }

    /// <summary>Gets the attempt number of the run.</summary>
    public int? RunAttempt { get; init; }

    /// <summary>Gets the id of the workflow.</summary>
    public long? WorkflowId { get; init; }

    /// <summary>Gets the URL of the run's page on GitHub.</summary>
    public string? HtmlUrl { get; init; }

    /// <summary>Gets the account that triggered the first attempt of the run.</summary>
    public GitHubUser? Actor { get; init; }

    /// <summary>Gets the head commit of the run.</summary>
    public GitHubCommit? HeadCommit { get; init; }

    /// <summary>Gets when the run was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the run was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Gets when the current attempt of the run started.</summary>
    public DateTimeOffset? RunStartedAt { get; init; }
}
