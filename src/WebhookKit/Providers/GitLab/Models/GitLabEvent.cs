namespace WebhookKit.GitLab;

/// <summary>
/// The fields GitLab webhook events have in common; reads any GitLab event, including ones with no dedicated model.
/// </summary>
public sealed class GitLabEvent
{
    /// <summary>Gets or sets the kind of event, for example <c>push</c>; the same value for every event of this type.</summary>
    public string? ObjectKind { get; set; }

    /// <summary>Gets or sets the event name, when GitLab sends it (push, tag push and system hook events).</summary>
    public string? EventName { get; set; }

    /// <summary>Gets or sets the event type, usually the same as <see cref="ObjectKind"/> (<c>confidential_issue</c>, <c>confidential_note</c> and the like differ).</summary>
    public string? EventType { get; set; }

    /// <summary>Gets or sets the user who triggered the event.</summary>
    public GitLabUser? User { get; set; }

    /// <summary>Gets or sets the project the event is about.</summary>
    public GitLabProject? Project { get; set; }
}
