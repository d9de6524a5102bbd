namespace WebhookKit.GitLab;

/// <summary>
/// The git author of a commit.
/// </summary>
public sealed class GitLabCommitAuthor
{
    /// <summary>Gets or sets the name recorded in git.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the e-mail address recorded in git.</summary>
    public string? Email { get; set; }
}
