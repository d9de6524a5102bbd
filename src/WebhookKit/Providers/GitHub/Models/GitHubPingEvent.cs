namespace WebhookKit.GitHub;

/// <summary>
/// A GitHub <c>ping</c> event, sent when a webhook is created to check it is reachable.
/// </summary>
public sealed class GitHubPingEvent
{
    /// <summary>Gets a random piece of GitHub zen.</summary>
    public string? Zen { get; init; }

    /// <summary>Gets the id of the webhook that was pinged.</summary>
    public long HookId { get; init; }

    /// <summary>Gets the webhook that was pinged.</summary>
    public GitHubHook? Hook { get; init; }

    /// <summary>Gets the repository the event is about; <see langword="null"/> for events not tied to a repository.</summary>
    public GitHubRepository? Repository { get; init; }

    /// <summary>Gets the account that triggered the event.</summary>
    public GitHubUser? Sender { get; init; }

    /// <summary>Gets the organization, when the event happened in one.</summary>
    public GitHubOrganization? Organization { get; init; }

    /// <summary>Gets the GitHub App installation, when the webhook belongs to a GitHub App.</summary>
    public GitHubInstallation? Installation { get; init; }
}
