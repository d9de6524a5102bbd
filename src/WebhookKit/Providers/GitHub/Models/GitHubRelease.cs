namespace WebhookKit.GitHub;

/// <summary>
/// A release as sent in <c>release</c> events.
/// </summary>
public sealed class GitHubRelease
{
    /// <summary>Gets or sets the release's numeric id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the release's GraphQL node id.</summary>
    public string? NodeId { get; set; }

    /// <summary>Gets or sets the name of the tag the release is for, for example <c>v1.0.0</c>.</summary>
    public string? TagName { get; set; }

    /// <summary>Gets or sets the branch or commit SHA the tag is created from.</summary>
    public string? TargetCommitish { get; set; }

    /// <summary>Gets or sets the release title.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the release notes in Markdown.</summary>
    public string? Body { get; set; }

    /// <summary>Gets or sets a value indicating whether the release is a draft.</summary>
    public bool? Draft { get; set; }

    /// <summary>Gets or sets a value indicating whether the release is a pre-release.</summary>
    public bool? Prerelease { get; set; }

    /// <summary>Gets or sets the URL of the release's page on GitHub.</summary>
    public string? HtmlUrl { get; set; }

    /// <summary>Gets or sets the account that created the release.</summary>
    public GitHubUser? Author { get; set; }

    /// <summary>Gets or sets when the release was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the release was published; <see langword="null"/> for drafts.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
}
