namespace WebhookKit.GitLab;

/// <summary>
/// The basics of a CI/CD pipeline, the <c>object_attributes</c> of a pipeline event.
/// </summary>
/// <remarks>Dates are kept as the strings GitLab sends, whose format varies (for example <c>2016-08-12 15:23:28 UTC</c>).</remarks>
public sealed class GitLabPipeline
{
    /// <summary>Gets the pipeline's global numeric id.</summary>
    public long? Id { get; init; }

    /// <summary>Gets the pipeline's number within its project.</summary>
    public long? Iid { get; init; }

    /// <summary>Gets the pipeline name, when one is set.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the branch or tag name the pipeline ran for.</summary>
    public string? Ref { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Ref"/> is a tag.</summary>
    public bool? Tag { get; init; }

    /// <summary>Gets the SHA of the commit the pipeline ran for.</summary>
    public string? Sha { get; init; }

    /// <summary>Gets the SHA the ref pointed at before the push that started the pipeline.</summary>
    public string? BeforeSha { get; init; }

    /// <summary>Gets what started the pipeline, such as <c>push</c>, <c>merge_request_event</c> or <c>schedule</c>.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the status, such as <c>running</c>, <c>success</c> or <c>failed</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Gets the detailed status, such as <c>passed</c>, when GitLab sends it.</summary>
    public string? DetailedStatus { get; init; }

    /// <summary>Gets the names of the pipeline's stages, in order.</summary>
    public IReadOnlyList<string>? Stages { get; init; }

    /// <summary>Gets how long the pipeline ran, in seconds; <see langword="null"/> while it has not finished.</summary>
    public double? Duration { get; init; }

    /// <summary>Gets the URL of the pipeline's page.</summary>
    public string? Url { get; init; }

    /// <summary>Gets when the pipeline was created, as sent by GitLab.</summary>
    public string? CreatedAt { get; init; }

    /// <summary>Gets when the pipeline finished, as sent by GitLab.</summary>
    public string? FinishedAt { get; init; }
}
