namespace WebhookKit.GitLab;

/// <summary>
/// A commit as sent in push events, a merge request's <c>last_commit</c>, or a pipeline's <c>commit</c>.
/// </summary>
public sealed class GitLabCommit
{
    /// <summary>Gets or sets the commit SHA.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the commit message.</summary>
    public string? Message { get; set; }

    /// <summary>Gets or sets the first line of the commit message, when GitLab includes it.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the commit timestamp as sent by GitLab (ISO 8601, for example <c>2011-12-12T14:27:31+02:00</c>).</summary>
    public string? Timestamp { get; set; }

    /// <summary>Gets or sets the URL of the commit.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the git author.</summary>
    public GitLabCommitAuthor? Author { get; set; }

    /// <summary>Gets or sets the paths of files added by the commit (push events only).</summary>
    public IReadOnlyList<string>? Added { get; set; }

    /// <summary>Gets or sets the paths of files modified by the commit (push events only).</summary>
    public IReadOnlyList<string>? Modified { get; set; }

    /// <summary>Gets or sets the paths of files removed by the commit (push events only).</summary>
    public IReadOnlyList<string>? Removed { get; set; }
}
