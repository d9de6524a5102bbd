namespace WebhookKit.GitHub;

/// <summary>
/// A GitHub <c>ping</c> event, sent when a webhook is created to check it is reachable.
/// </summary>
public sealed class GitHubPingEvent : IGitHubEventEnvelope
{
    /// <summary>Gets or sets a random piece of GitHub zen.</summary>
    public string? Zen { get; set; }

    /// <summary>Gets or sets the id of the webhook that was pinged.</summary>
    public long HookId { get; set; }

    /// <summary>Gets or sets the webhook that was pinged.</summary>
    public GitHubHook? Hook { get; set; }

    /// <summary>Gets or sets the repository the event is about; <see langword="null"/> for events not tied to a repository.</summary>
    public GitHubRepository? Repository { get; set; }

    /// <summary>Gets or sets the account that triggered the event.</summary>
    public GitHubUser? Sender { get; set; }

    /// <summary>Gets or sets the organization, when the event happened in one.</summary>
    public GitHubOrganization? Organization { get; set; }

    /// <summary>Gets or sets the GitHub App installation, when the webhook belongs to a GitHub App.</summary>
    public GitHubInstallation? Installation { get; set; }
}
