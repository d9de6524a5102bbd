namespace WebhookKit.GitHub;

/// <summary>
/// The GitHub Actions workflow a <c>workflow_run</c> event belongs to.
/// </summary>
public sealed class GitHubWorkflow
{
    /// <summary>Gets the workflow's numeric id.</summary>
    public long Id { get; init; }

    /// <summary>Gets the workflow name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the path of the workflow file, for example <c>.github/workflows/ci.yml</c>.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the workflow state, such as <c>active</c>.</summary>
    public string? State { get; init; }
}
