namespace WebhookKit.Bitbucket;

/// <summary>A branch of a <see cref="BitbucketPullRequestEndpoint"/>.</summary>
public sealed class BitbucketBranch
{
    /// <summary>Gets or sets the branch name, for example <c>main</c>.</summary>
    public string? Name { get; set; }
}
