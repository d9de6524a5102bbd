namespace WebhookKit.GitHub;

/// <summary>
/// A release as sent in <c>release</c> events.
/// </summary>
public sealed class GitHubRelease
{
    /// <summary>Gets the release's numeric id.</summary>
    public long Id { get; init; }

    /// <summary>Gets the release's GraphQL node id.</summary>
    public string? NodeId { get; init; }

    /// <summary>Gets the name of the tag the release is for, for example <c>v1.0.0</c>.</summary>
    public string? TagName { get; init; }

    /// <summary>Gets the branch or commit SHA the tag is created from.</summary>
    public string? TargetCommitish { get; init; }

    /// <summary>Gets the release title.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the release notes in Markdown.</summary>
    public string? Body { get; init; }

    /// <summary>Gets a value indicating whether the release is a draft.</summary>
    public bool? Draft { get; init; }

    /// <summary>Gets a value indicating whether the release is a pre-release.</summary>
    public bool? Prerelease { get; init; }

    /// <summary>Gets the URL of the release's page on GitHub.</summary>
    public string? HtmlUrl { get; init; }

    /// <summary>Gets the account that created the release.</summary>
    public GitHubUser? Author { get; init; }

    /// <summary>Gets when the release was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the release was published; <see langword="null"/> for drafts.</summary>
    public DateTimeOffset? PublishedAt { get; init; }
}
