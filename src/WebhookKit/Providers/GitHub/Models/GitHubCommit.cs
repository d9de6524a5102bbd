namespace WebhookKit.GitHub;

/// <summary>
/// A commit as sent in a push event's <c>commits</c> and <c>head_commit</c>, or a workflow run's <c>head_commit</c>.
/// </summary>
public sealed class GitHubCommit
{
    /// <summary>Gets or sets the commit SHA.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the SHA of the commit's tree.</summary>
    public string? TreeId { get; set; }

    /// <summary>Gets or sets a value indicating whether this commit is distinct from any pushed before.</summary>
    public bool? Distinct { get; set; }

    /// <summary>Gets or sets the commit message.</summary>
    public string? Message { get; set; }

    /// <summary>Gets or sets the commit's timestamp.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    /// <summary>Gets or sets the URL of the commit.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the git author.</summary>
    public GitHubCommitAuthor? Author { get; set; }

    /// <summary>Gets or sets the git committer.</summary>
    public GitHubCommitAuthor? Committer { get; set; }

    /// <summary>Gets or sets the paths of files added by the commit.</summary>
    public IReadOnlyList<string>? Added { get; set; }

    /// <summary>Gets or sets the paths of files removed by the commit.</summary>
    public IReadOnlyList<string>? Removed { get; set; }

    /// <summary>Gets or sets the paths of files modified by the commit.</summary>
    public IReadOnlyList<string>? Modified { get; set; }
}
