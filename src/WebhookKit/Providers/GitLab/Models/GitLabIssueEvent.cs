using System.Text.Json;

namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab issue event (<c>X-Gitlab-Event: Issue Hook</c> or <c>Confidential Issue Hook</c>): an issue was opened, updated, closed and so on.
/// </summary>
public sealed class GitLabIssueEvent
{
    /// <summary>Gets or sets the kind of event; <c>issue</c>.</summary>
    public string? ObjectKind { get; set; }

    /// <summary>Gets or sets the event type, usually the same as <see cref="ObjectKind"/> (<c>confidential_issue</c>, <c>confidential_note</c> and the like differ).</summary>
    public string? EventType { get; set; }

    /// <summary>Gets or sets the user who triggered the event.</summary>
    public GitLabUser? User { get; set; }

    /// <summary>Gets or sets the project the event is about.</summary>
    public GitLabProject? Project { get; set; }

    /// <summary>Gets or sets the issue, including the <see cref="GitLabIssue.Action"/> that was performed.</summary>
    public GitLabIssue? ObjectAttributes { get; set; }

    /// <summary>Gets or sets the labels on the issue.</summary>
    public IReadOnlyList<GitLabLabel>? Labels { get; set; }

    /// <summary>Gets or sets the users assigned to the issue.</summary>
    public IReadOnlyList<GitLabUser>? Assignees { get; set; }

    /// <summary>Gets or sets the changed attributes as raw JSON (<c>{"title": {"previous": …, "current": …}, …}</c>), when GitLab sends them.</summary>
    public JsonElement? Changes { get; set; }
}
