namespace WebhookKit.Bitbucket;

/// <summary>A Bitbucket Cloud repository, as payloads show it.</summary>
public sealed class BitbucketRepository
{
    /// <summary>Gets or sets the repository UUID, in braces.</summary>
    public string? Uuid { get; set; }

    /// <summary>Gets or sets the workspace and repository slug, for example <c>team_name/repo_name</c>.</summary>
    public string? FullName { get; set; }

    /// <summary>Gets or sets the repository name.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the version control system, <c>git</c>.</summary>
    public string? Scm { get; set; }

    /// <summary>Gets or sets a value indicating whether the repository is private.</summary>
    public bool IsPrivate { get; set; }
}
