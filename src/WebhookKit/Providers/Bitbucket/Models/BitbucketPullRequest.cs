namespace WebhookKit.Bitbucket;

/// <summary>The basics of a Bitbucket Cloud pull request.</summary>
public sealed class BitbucketPullRequest
{
    /// <summary>Gets or sets the pull request's number within its repository.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the title.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the description.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the state: <c>OPEN</c>, <c>MERGED</c>, <c>DECLINED</c> or <c>SUPERSEDED</c>.</summary>
    public string? State { get; set; }

    /// <summary>Gets or sets the author.</summary>
    public BitbucketAccount? Author { get; set; }

    /// <summary>Gets or sets the branch the changes come from.</summary>
    public BitbucketPullRequestEndpoint? Source { get; set; }

    /// <summary>Gets or sets the branch the changes go to.</summary>
    public BitbucketPullRequestEndpoint? Destination { get; set; }

    /// <summary>Gets or sets the merge commit, once merged.</summary>
    public BitbucketCommit? MergeCommit { get; set; }

    /// <summary>Gets or sets a value indicating whether the source branch is deleted when the pull request is merged.</summary>
    public bool CloseSourceBranch { get; set; }

    /// <summary>Gets or sets the reason given for declining, when declined.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets when the pull request was created.</summary>
    public DateTimeOffset? CreatedOn { get; set; }

    /// <summary>Gets or sets when the pull request was last updated.</summary>
    public DateTimeOffset? UpdatedOn { get; set; }
}
