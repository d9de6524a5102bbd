using System.Text.Json;

namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab issue event (<c>X-Gitlab-Event: Issue Hook</c> or <c>Confidential Issue Hook</c>): an issue was opened, updated, closed and so on.
/// </summary>
public sealed class GitLabIssueEvent
{
    /// <summary>Gets the kind of event; <c>issue</c>.</summary>
    public string? ObjectKind { get; init; }

    /// <summary>Gets the event type, usually the same as <see cref="ObjectKind"/> (<c>confidential_issue</c>, <c>confidential_note</c> and the like differ).</summary>
    public string? EventType { get; init; }

    /// <summary>Gets the user who triggered the event.</summary>
    public GitLabUser? User { get; init; }

    /// <summary>Gets the project the event is about.</summary>
    public GitLabProject? Project { get; init; }

    /// <summary>Gets the issue, including the <see cref="GitLabIssue.Action"/> that was performed.</summary>
    public GitLabIssue? ObjectAttributes { get; init; }

    /// <summary>Gets the labels on the issue.</summary>
    public IReadOnlyList<GitLabLabel>? Labels { get; init; }

    /// <summary>Gets the users assigned to the issue.</summary>
    public IReadOnlyList<GitLabUser>? Assignees { get; init; }

    /// <summary>Gets the changed attributes as raw JSON (<c>{"title": {"previous": …, "current": …}, …}</c>), when GitLab sends them.</summary>
    public JsonElement? Changes { get; init; }
}
