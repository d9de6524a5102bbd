namespace WebhookKit.GitLab;

/// <summary>
/// The git author of a commit.
/// </summary>
public sealed class GitLabCommitAuthor
{
    /// <summary>Gets the name recorded in git.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the e-mail address recorded in git.</summary>
    public string? Email { get; init; }
}
