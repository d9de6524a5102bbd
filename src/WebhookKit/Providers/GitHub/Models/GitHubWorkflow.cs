namespace WebhookKit.GitHub;

/// <summary>
/// The GitHub Actions workflow a <c>workflow_run</c> event belongs to.
/// </summary>
public sealed class GitHubWorkflow
{
    /// <summary>Gets or sets the workflow's numeric id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the workflow name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the path of the workflow file, for example <c>.github/workflows/ci.yml</c>.</summary>
    public string? Path { get; set; }

    /// <summary>Gets or sets the workflow state, such as <c>active</c>.</summary>
    public string? State { get; set; }
}
