namespace WebhookKit.GitHub;

/// <summary>
/// The repository a GitHub webhook event is about.
/// </summary>
/// <remarks>
/// Timestamps are deliberately not modelled: the push event sends <c>created_at</c> and <c>pushed_at</c>
/// as Unix seconds while every other event sends ISO 8601 strings.
/// </remarks>
public sealed class GitHubRepository
{
    /// <summary>Gets or sets the repository's numeric id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the repository's GraphQL node id.</summary>
    public string? NodeId { get; set; }

    /// <summary>Gets or sets the repository name without its owner, for example <c>Hello-World</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the repository name with its owner, for example <c>octocat/Hello-World</c>.</summary>
    public string? FullName { get; set; }

    /// <summary>Gets or sets a value indicating whether the repository is private.</summary>
    public bool Private { get; set; }

    /// <summary>Gets or sets the account that owns the repository.</summary>
    public GitHubUser? Owner { get; set; }

    /// <summary>Gets or sets the URL of the repository's page on GitHub.</summary>
    public string? HtmlUrl { get; set; }

    /// <summary>Gets or sets the repository description.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets a value indicating whether the repository is a fork.</summary>
    public bool? Fork { get; set; }

    /// <summary>Gets or sets the name of the default branch, for example <c>main</c>.</summary>
    public string? DefaultBranch { get; set; }

    /// <summary>Gets or sets the HTTPS clone URL.</summary>
    public string? CloneUrl { get; set; }

    /// <summary>Gets or sets the SSH clone URL.</summary>
    public string? SshUrl { get; set; }

    /// <summary>Gets or sets the visibility, such as <c>public</c>, <c>private</c> or <c>internal</c>.</summary>
    public string? Visibility { get; set; }

    /// <summary>Gets or sets a value indicating whether the repository is archived.</summary>
    public bool? Archived { get; set; }
}
