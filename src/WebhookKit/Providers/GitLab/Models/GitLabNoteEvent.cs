namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab note (comment) event (<c>X-Gitlab-Event: Note Hook</c>): a comment on a commit, merge request, issue or snippet.
/// </summary>
public sealed class GitLabNoteEvent
{
    /// <summary>Gets the kind of event; <c>note</c>.</summary>
    public string? ObjectKind { get; init; }

    /// <summary>Gets the event type, usually the same as <see cref="ObjectKind"/> (<c>confidential_issue</c>, <c>confidential_note</c> and the like differ).</summary>
    public string? EventType { get; init; }

    /// <summary>Gets the user who triggered the event.</summary>
    public GitLabUser? User { get; init; }

    /// <summary>Gets the project the event is about.</summary>
    public GitLabProject? Project { get; init; }

    /// <summary>Gets the id of the project.</summary>
    public long? ProjectId { get; init; }

    /// <summary>Gets the note.</summary>
    public GitLabNote? ObjectAttributes { get; init; }

    /// <summary>Gets the merge request commented on, for merge request notes.</summary>
    public GitLabMergeRequest? MergeRequest { get; init; }

    /// <summary>Gets the issue commented on, for issue notes.</summary>
    public GitLabIssue? Issue { get; init; }

    /// <summary>Gets the commit commented on, for commit notes.</summary>
    public GitLabCommit? Commit { get; init; }
}
