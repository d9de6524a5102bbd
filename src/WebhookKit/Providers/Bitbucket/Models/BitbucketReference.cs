namespace WebhookKit.Bitbucket;

/// <summary>A branch or tag in a <see cref="BitbucketPushChange"/>.</summary>
public sealed class BitbucketReference
{
    /// <summary>Gets or sets the kind of reference: <c>branch</c>, <c>tag</c>, <c>named_branch</c> or <c>bookmark</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the reference's name, for example <c>main</c>.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets the commit the reference points to.</summary>
    public BitbucketCommit? Target { get; set; }
}
