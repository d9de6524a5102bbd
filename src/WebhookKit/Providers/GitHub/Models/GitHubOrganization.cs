namespace WebhookKit.GitHub;

/// <summary>
/// The organization an event belongs to, sent when the webhook is configured for an organization
/// or the repository is owned by one.
/// </summary>
public sealed class GitHubOrganization
{
    /// <summary>Gets or sets the organization's numeric id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the organization's GraphQL node id.</summary>
    public string? NodeId { get; set; }

    /// <summary>Gets or sets the organization's login, for example <c>octo-org</c>.</summary>
    public string? Login { get; set; }

    /// <summary>Gets or sets the organization description.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the URL of the organization's avatar image.</summary>
    public string? AvatarUrl { get; set; }
}
