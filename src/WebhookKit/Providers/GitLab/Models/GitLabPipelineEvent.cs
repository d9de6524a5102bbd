namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab pipeline event (<c>X-Gitlab-Event: Pipeline Hook</c>): a CI/CD pipeline changed status.
/// </summary>
public sealed class GitLabPipelineEvent
{
    /// <summary>Gets the kind of event; <c>pipeline</c>.</summary>
    public string? ObjectKind { get; init; }

    /// <summary>Gets the user who triggered the event.</summary>
    public GitLabUser? User { get; init; }

    /// <summary>Gets the project the event is about.</summary>
    public GitLabProject? Project { get; init; }

    /// <summary>Gets the pipeline.</summary>
    public GitLabPipeline? ObjectAttributes { get; init; }

    /// <summary>Gets the merge request the pipeline ran for, for merge request pipelines.</summary>
    public GitLabMergeRequest? MergeRequest { get; init; }

    /// <summary>Gets the commit the pipeline ran for.</summary>
    public GitLabCommit? Commit { get; init; }

    /// <summary>Gets the pipeline's jobs, when GitLab includes them.</summary>
    public IReadOnlyList<GitLabBuild>? Builds { get; init; }
}
