namespace WebhookKit.GitLab;

/// <summary>
/// A job of a pipeline, from a pipeline event's <c>builds</c>.
/// </summary>
/// <remarks>Dates are kept as the strings GitLab sends, whose format varies.</remarks>
public sealed class GitLabBuild
{
    /// <summary>Gets or sets the job's numeric id.</summary>
    public long? Id { get; set; }

    /// <summary>Gets or sets the stage the job belongs to.</summary>
    public string? Stage { get; set; }

    /// <summary>Gets or sets the job name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the status, such as <c>created</c>, <c>running</c>, <c>success</c>, <c>failed</c> or <c>skipped</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets when the job runs, such as <c>on_success</c> or <c>manual</c>.</summary>
    public string? When { get; set; }

    /// <summary>Gets or sets a value indicating whether the job must be started by hand.</summary>
    public bool? Manual { get; set; }

    /// <summary>Gets or sets a value indicating whether the job may fail without failing the pipeline.</summary>
    public bool? AllowFailure { get; set; }

    /// <summary>Gets or sets the user who started the job.</summary>
    public GitLabUser? User { get; set; }

    /// <summary>Gets or sets when the job was created, as sent by GitLab.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>Gets or sets when the job started, as sent by GitLab.</summary>
    public string? StartedAt { get; set; }

    /// <summary>Gets or sets when the job finished, as sent by GitLab.</summary>
    public string? FinishedAt { get; set; }
}
