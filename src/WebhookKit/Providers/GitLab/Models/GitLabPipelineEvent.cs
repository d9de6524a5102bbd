namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab pipeline event (<c>X-Gitlab-Event: Pipeline Hook</c>): a CI/CD pipeline changed status.
/// </summary>
public sealed class GitLabPipelineEvent
{
    /// <summary>Gets or sets the kind of event; <c>pipeline</c>.</summary>
    public string? ObjectKind { get; set; }

    /// <summary>Gets or sets the user who triggered the event.</summary>
    public GitLabUser? User { get; set; }

    /// <summary>Gets or sets the project the event is about.</summary>
    public GitLabProject? Project { get; set; }

    /// <summary>Gets or sets the pipeline.</summary>
    public GitLabPipeline? ObjectAttributes { get; set; }

    /// <summary>Gets or sets the merge request the pipeline ran for, for merge request pipelines.</summary>
    public GitLabMergeRequest? MergeRequest { get; set; }

    /// <summary>Gets or sets the commit the pipeline ran for.</summary>
    public GitLabCommit? Commit { get; set; }

    /// <summary>Gets or sets the pipeline's jobs, when GitLab includes them.</summary>
    public IReadOnlyList<GitLabBuild>? Builds { get; set; }
}
