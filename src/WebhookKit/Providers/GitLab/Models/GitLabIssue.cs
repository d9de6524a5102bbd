namespace WebhookKit.GitLab;

/// <summary>
/// The basics of an issue: the <c>object_attributes</c> of an issue event, or the <c>issue</c> of a note event.
/// </summary>
/// <remarks>Dates are kept as the strings GitLab sends, whose format varies.</remarks>
public sealed class GitLabIssue
{
    /// <summary>Gets or sets the issue's global numeric id.</summary>
    public long? Id { get; set; }

    /// <summary>Gets or sets the issue's number within its project (the <c>#123</c> number).</summary>
    public long? Iid { get; set; }

    /// <summary>Gets or sets the title.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the description in Markdown.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the state, such as <c>opened</c> or <c>closed</c>.</summary>
    public string? State { get; set; }

    /// <summary>Gets or sets the action that was performed, such as <c>open</c>, <c>close</c> or <c>update</c> (issue events only).</summary>
    public string? Action { get; set; }

    /// <summary>Gets or sets the URL of the issue's page.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the id of the user who opened the issue.</summary>
    public long? AuthorId { get; set; }

    /// <summary>Gets or sets a value indicating whether the issue is confidential.</summary>
    public bool? Confidential { get; set; }

    /// <summary>Gets or sets when the issue was created, as sent by GitLab.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>Gets or sets when the issue was last updated, as sent by GitLab.</summary>
    public string? UpdatedAt { get; set; }
}
