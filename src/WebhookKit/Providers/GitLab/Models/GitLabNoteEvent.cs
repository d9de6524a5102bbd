namespace WebhookKit.GitLab;

/// <summary>
/// A GitLab note (comment) event (<c>X-Gitlab-Event: Note Hook</c>): a comment on a commit, merge request, issue or snippet.
/// </summary>
public sealed class GitLabNoteEvent
{
    /// <summary>Gets or sets the kind of event; <c>note</c>.</summary>
    public string? ObjectKind { get; set; }

    /// <summary>Gets or sets the event type, usually the same as <see cref="ObjectKind"/> (<c>confidential_issue</c>, <c>confidential_note</c> and the like differ).</summary>
    public string? EventType { get; set; }

    /// <summary>Gets or sets the user who triggered the event.</summary>
    public GitLabUser? User { get; set; }

    /// <summary>Gets or sets the project the event is about.</summary>
    public GitLabProject? Project { get; set; }

    /// <summary>Gets or sets the id of the project.</summary>
    public long? ProjectId { get; set; }

    /// <summary>Gets or sets the note.</summary>
    public GitLabNote? ObjectAttributes { get; set; }

    /// <summary>Gets or sets the merge request commented on, for merge request notes.</summary>
    public GitLabMergeRequest? MergeRequest { get; set; }

    /// <summary>Gets or sets the issue commented on, for issue notes.</summary>
    public GitLabIssue? Issue { get; set; }

    /// <summary>Gets or sets the commit commented on, for commit notes.</summary>
    public GitLabCommit? Commit { get; set; }
}
