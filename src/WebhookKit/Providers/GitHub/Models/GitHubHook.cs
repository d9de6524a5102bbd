namespace WebhookKit.GitHub;

/// <summary>
/// The webhook a <c>ping</c> event was sent for.
/// </summary>
public sealed class GitHubHook
{
    /// <summary>Gets or sets the hook's numeric id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the hook type, such as <c>Repository</c>, <c>Organization</c> or <c>App</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the hook name; <c>web</c> for webhooks.</summary>
    public string? Name { get; set; }

    /// <summary>Gets or sets a value indicating whether the hook is active.</summary>
    public bool? Active { get; set; }

    /// <summary>Gets or sets the events the hook is subscribed to; <c>*</c> means all.</summary>
    public IReadOnlyList<string>? Events { get; set; }

    /// <summary>Gets or sets the hook's delivery settings.</summary>
    public GitHubHookConfig? Config { get; set; }

    /// <summary>Gets or sets the id of the GitHub App that owns the hook, for App hooks.</summary>
    public long? AppId { get; set; }
}
