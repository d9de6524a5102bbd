namespace WebhookKit.Bitbucket;

/// <summary>One changed reference of a <see cref="BitbucketPush"/>: its state before and after.</summary>
public sealed class BitbucketPushChange
{
    /// <summary>Gets or sets the reference after the push; <see langword="null"/> when it was deleted.</summary>
    public BitbucketReference? New { get; set; }

    /// <summary>Gets or sets the reference before the push; <see langword="null"/> when it was created.</summary>
    public BitbucketReference? Old { get; set; }

    /// <summary>Gets or sets a value indicating whether the reference was created.</summary>
    public bool Created { get; set; }

    /// <summary>Gets or sets a value indicating whether the reference was deleted.</summary>
    public bool Closed { get; set; }

    /// <summary>Gets or sets a value indicating whether the push was forced.</summary>
    public bool Forced { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Commits"/> was cut short (Bitbucket sends at most 5).</summary>
    public bool Truncated { get; set; }

    /// <summary>Gets or sets the commits pushed, newest first.</summary>
    public IReadOnlyList<BitbucketCommit>? Commits { get; set; }
}
