namespace WebhookKit.GitHub;

/// <summary>
/// A commit as sent in a push event's <c>commits</c> and <c>head_commit</c>, or a workflow run's <c>head_commit</c>.
/// </summary>
public sealed class GitHubCommit
{
    /// <summary>Gets the commit SHA.</summary>
    public string? Id { get; init; }

    /// <summary>Gets the SHA of the commit's tree.</summary>
    public string? TreeId { get; init; }

    /// <summary>Gets a value indicating whether this commit is distinct from any pushed before.</summary>
    public bool? Distinct { get; init; }

    /// <summary>Gets the commit message.</summary>
    public string? Message { get; init; }

    /// <summary>Gets the commit's timestamp.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Gets the URL of the commit.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the git author.</summary>
    public GitHubCommitAuthor? Author { get; init; }

    /// <summary>Gets the git committer.</summary>
    public GitHubCommitAuthor? Committer { get; init; }

    /// <summary>Gets the paths of files added by the commit.</summary>
    public IReadOnlyList<string>? Added { get; init; }

    /// <summary>Gets the paths of files removed by the commit.</summary>
    public IReadOnlyList<string>? Removed { get; init; }

    /// <summary>Gets the paths of files modified by the commit.</summary>
    public IReadOnlyList<string>? Modified { get; init; }
}
