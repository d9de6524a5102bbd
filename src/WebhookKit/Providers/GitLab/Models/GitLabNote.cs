namespace WebhookKit.GitLab;

/// <summary>
/// A comment (note), the <c>object_attributes</c> of a note event.
/// </summary>
/// <remarks>Dates are kept as the strings GitLab sends, whose format varies.</remarks>
public sealed class GitLabNote
{
    /// <summary>Gets or sets the note's numeric id.</summary>
    public long? Id { get; set; }

    /// <summary>Gets or sets the comment text in Markdown.</summary>
    public string? Note { get; set; }

    /// <summary>Gets or sets what was commented on: <c>Commit</c>, <c>MergeRequest</c>, <c>Issue</c> or <c>Snippet</c>.</summary>
    public string? NoteableType { get; set; }

    /// <summary>Gets or sets the id of what was commented on (not set for commits).</summary>
    public long? NoteableId { get; set; }

    /// <summary>Gets or sets the id of the user who wrote the note.</summary>
    public long? AuthorId { get; set; }

    /// <summary>Gets or sets the SHA of the commented commit, for commit notes.</summary>
    public string? CommitId { get; set; }

    /// <summary>Gets or sets a value indicating whether GitLab itself wrote the note (a system note).</summary>
    public bool? System { get; set; }

    /// <summary>Gets or sets the action that was performed, such as <c>create</c> or <c>update</c>, when GitLab sends it.</summary>
    public string? Action { get; set; }

    /// <summary>Gets or sets the URL of the note.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets when the note was created, as sent by GitLab.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>Gets or sets when the note was last updated, as sent by GitLab.</summary>
    public string? UpdatedAt { get; set; }
}
