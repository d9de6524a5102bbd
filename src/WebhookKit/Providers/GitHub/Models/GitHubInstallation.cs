namespace WebhookKit.GitHub;

/// <summary>
/// The GitHub App installation an event was delivered for; present only when the webhook belongs to a GitHub App.
/// </summary>
public sealed class GitHubInstallation
{
    /// <summary>Gets or sets the installation's numeric id, used to request an installation access token.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the installation's GraphQL node id.</summary>
    public string? NodeId { get; set; }
}
