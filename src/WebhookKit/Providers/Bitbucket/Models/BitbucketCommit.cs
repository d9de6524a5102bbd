namespace WebhookKit.Bitbucket;

/// <summary>A commit, as pushes and pull requests show it (a pull request's commits carry only the <see cref="Hash"/>).</summary>
public sealed class BitbucketCommit
{
    /// <summary>Gets or sets the commit hash (full, or abbreviated in pull requests).</summary>
    public string? Hash { get; set; }

    /// <summary>Gets or sets the commit message.</summary>
    public string? Message { get; set; }

    /// <summary>Gets or sets the commit date.</summary>
    public DateTimeOffset? Date { get; set; }
}
