namespace WebhookKit.GitLab;

/// <summary>
/// The basics of a CI/CD pipeline, the <c>object_attributes</c> of a pipeline event.
/// </summary>
/// <remarks>Dates are kept as the strings GitLab sends, whose format varies (for example <c>2016-08-12 15:23:28 UTC</c>).</remarks>
public sealed class GitLabPipeline
{
    /// <summary>Gets or sets the pipeline's global numeric id.</summary>
    public long? Id { get; set; }

    /// <summary>Gets or sets the pipeline's number within its project.</summary>
    public long? Iid { get; set; }

    /// <summary>Gets or sets the pipeline name, when one is set.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the branch or tag name the pipeline ran for.</summary>
    public string? Ref { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Ref"/> is a tag.</summary>
    public bool? Tag { get; set; }

    /// <summary>Gets or sets the SHA of the commit the pipeline ran for.</summary>
    public string? Sha { get; set; }

    /// <summary>Gets or sets the SHA the ref pointed at before the push that started the pipeline.</summary>
    public string? BeforeSha { get; set; }

    /// <summary>Gets or sets what started the pipeline, such as <c>push</c>, <c>merge_request_event</c> or <c>schedule</c>.</summary>
    public string? Source { get; set; }

    /// <summary>Gets or sets the status, such as <c>running</c>, <c>success</c> or <c>failed</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the detailed status, such as <c>passed</c>, when GitLab sends it.</summary>
    public string? DetailedStatus { get; set; }

    /// <summary>Gets or sets the names of the pipeline's stages, in order.</summary>
    public IReadOnlyList<string>? Stages { get; set; }

    /// <summary>Gets or sets how long the pipeline ran, in seconds; <see langword="null"/> while it has not finished.</summary>
    public double? Duration { get; set; }

    /// <summary>Gets or sets the URL of the pipeline's page.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets when the pipeline was created, as sent by GitLab.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>Gets or sets when the pipeline finished, as sent by GitLab.</summary>
    public string? FinishedAt { get; set; }
}
