namespace WebhookKit.GitHub;

/// <summary>Options of a GitHub receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:GitHub</c> by default).</summary>
public sealed class GitHubWebhookOptions : WebhookReceiverOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether deliveries signed only with the legacy SHA-1
    /// <c>X-Hub-Signature</c> header are accepted. <c>X-Hub-Signature-256</c> is always preferred when present.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool AllowSha1Signatures { get; set; }
}
