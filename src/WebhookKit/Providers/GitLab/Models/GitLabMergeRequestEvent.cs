using System.Text.Json;

namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab merge request event (<c>X-Gitlab-Event: Merge Request Hook</c>): a merge request was opened, updated, merged and so on.
/// </summary>
public sealed class GitLabMergeRequestEvent
{
    /// <summary>Gets or sets the kind of event; <c>merge_request</c>.</summary>
    public string? ObjectKind { get; set; }

    /// <summary>Gets or sets the event type, usually the same as <see cref="ObjectKind"/> (<c>confidential_issue</c>, <c>confidential_note</c> and the like differ).</summary>
    public string? EventType { get; set; }

    /// <summary>Gets or sets the user who triggered the event.</summary>
    public GitLabUser? User { get; set; }

    /// <summary>Gets or sets the project the event is about.</summary>
    public GitLabProject? Project { get; set; }

    /// <summary>Gets or sets the merge request, including the <see cref="GitLabMergeRequest.Action"/> that was performed.</summary>
    public GitLabMergeRequest? ObjectAttributes { get; set; }

    /// <summary>Gets or sets the labels on the merge request.</summary>
    public IReadOnlyList<GitLabLabel>? Labels { get; set; }

    /// <summary>Gets or sets the users assigned to the merge request.</summary>
    public IReadOnlyList<GitLabUser>? Assignees { get; set; }

    /// <summary>Gets or sets the users asked to review the merge request.</summary>
    public IReadOnlyList<GitLabUser>? Reviewers { get; set; }

    /// <summary>Gets or sets the changed attributes as raw JSON (<c>{"title": {"previous": …, "current": …}, …}</c>), when GitLab sends them.</summary>
    public JsonElement? Changes { get; set; }
}
