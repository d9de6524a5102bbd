namespace WebhookKit.Bitbucket;

/// <summary>The <c>push</c> of a <see cref="BitbucketPushEvent"/>.</summary>
public sealed class BitbucketPush
{
    /// <summary>Gets or sets the changed references, one entry each.</summary>
    public IReadOnlyList<BitbucketPushChange>? Changes { get; set; }
}
