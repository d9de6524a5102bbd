namespace WebhookKit.GitHub;

/// <summary>
/// A GitHub <c>workflow_run</c> event: a GitHub Actions workflow run was requested, started or completed.
/// </summary>
public sealed class GitHubWorkflowRunEvent
{
    /// <summary>Gets the action that was performed, such as <c>opened</c>. Kept as a string so actions GitHub adds later are not rejected.</summary>
    public string? Action { get; init; }

    /// <summary>Gets the workflow run.</summary>
    public GitHubWorkflowRun? WorkflowRun { get; init; }

    /// <summary>Gets the workflow the run belongs to.</summary>
    public GitHubWorkflow? Workflow { get; init; }

    /// <summary>Gets the repository the event is about; <see langword="null"/> for events not tied to a repository.</summary>
    public GitHubRepository? Repository { get; init; }

    /// <summary>Gets the account that triggered the event.</summary>
    public GitHubUser? Sender { get; init; }

    /// <summary>Gets the organization, when the event happened in one.</summary>
    public GitHubOrganization? Organization { get; init; }

    /// <summary>Gets the GitHub App installation, when the webhook belongs to a GitHub App.</summary>
    public GitHubInstallation? Installation { get; init; }
}
