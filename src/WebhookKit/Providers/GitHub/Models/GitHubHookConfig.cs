namespace WebhookKit.GitHub;

/// <summary>
/// The delivery settings of a webhook, as sent in a <c>ping</c> event. The secret is never included.
/// </summary>
public sealed class GitHubHookConfig
{
    /// <summary>Gets or sets the payload content type, <c>json</c> or <c>form</c>.</summary>
    public string? ContentType { get; set; }

    /// <summary>Gets or sets the URL deliveries are sent to.</summary>
    public string? Url { get; set; }
}
