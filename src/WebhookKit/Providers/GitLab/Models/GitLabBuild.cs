namespace WebhookKit.GitLab;

/// <summary>
/// A job of a pipeline, from a pipeline event's <c>builds</c>.
/// </summary>
/// <remarks>Dates are kept as the strings GitLab sends, whose format varies.</remarks>
public sealed class GitLabBuild
{
    /// <summary>Gets the job's numeric id.</summary>
    public long? Id { get; init; }

    /// <summary>Gets the stage the job belongs to.</summary>
    public string? Stage { get; init; }

    /// <summary>Gets the job name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the status, such as <c>created</c>, <c>running</c>, <c>success</c>, <c>failed</c> or <c>skipped</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Gets when the job runs, such as <c>on_success</c> or <c>manual</c>.</summary>
    public string? When { get; init; }

    /// <summary>Gets a value indicating whether the job must be started by hand.</summary>
    public bool? Manual { get; init; }

    /// <summary>Gets a value indicating whether the job may fail without failing the pipeline.</summary>
    public bool? AllowFailure { get; init; }

    /// <summary>Gets the user who started the job.</summary>
    public GitLabUser? User { get; init; }

    /// <summary>Gets when the job was created, as sent by GitLab.</summary>
    public string? CreatedAt { get; init; }

    /// <summary>Gets when the job started, as sent by GitLab.</summary>
    public string? StartedAt { get; init; }

    /// <summary>Gets when the job finished, as sent by GitLab.</summary>
    public string? FinishedAt { get; init; }
}
