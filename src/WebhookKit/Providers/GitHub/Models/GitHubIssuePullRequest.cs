namespace WebhookKit.GitHub;

/// <summary>
/// Links sent in an issue's <c>pull_request</c> field when the issue is in fact a pull request
/// (for example when an <c>issue_comment</c> is made on a pull request).
/// </summary>
public sealed class GitHubIssuePullRequest
{
    /// <summary>Gets or sets the API URL of the pull request.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the URL of the pull request's page on GitHub.</summary>
    public string? HtmlUrl { get; set; }
}
