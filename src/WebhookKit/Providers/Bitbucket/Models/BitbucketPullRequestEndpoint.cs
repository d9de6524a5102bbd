namespace WebhookKit.Bitbucket;

/// <summary>The source or destination of a <see cref="BitbucketPullRequest"/>: a branch, its commit and its repository.</summary>
public sealed class BitbucketPullRequestEndpoint
{
    /// <summary>Gets or sets the branch.</summary>
    public BitbucketBranch? Branch { get; set; }

    /// <summary>Gets or sets the commit at the branch's head.</summary>
    public BitbucketCommit? Commit { get; set; }

    /// <summary>Gets or sets the repository (a fork's, for a pull request from a fork).</summary>
    public BitbucketRepository? Repository { get; set; }
}
