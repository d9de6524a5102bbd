namespace WebhookKit.Bitbucket;

/// <summary>A Bitbucket Cloud <c>repo:push</c> event: one or more references changed.</summary>
public sealed class BitbucketPushEvent
{
    /// <summary>Gets or sets the account that pushed.</summary>
    public BitbucketAccount? Actor { get; set; }

    /// <summary>Gets or sets the repository pushed to.</summary>
    public BitbucketRepository? Repository { get; set; }

    /// <summary>Gets or sets what was pushed.</summary>
    public BitbucketPush? Push { get; set; }
}
