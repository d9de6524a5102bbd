namespace WebhookKit.GitHub;

/// <summary>
/// The git author or committer of a commit, or the <c>pusher</c> of a push event.
/// </summary>
public sealed class GitHubCommitAuthor
{
    /// <summary>Gets or sets the name recorded in git.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the e-mail address recorded in git.</summary>
    public string? Email { get; set; }

    /// <summary>Gets or sets the GitHub login matched to the e-mail address, when GitHub could match one.</summary>
    public string? Username { get; set; }
}
