namespace WebhookKit.GitLab;

/// <summary>
/// The basics of an issue: the <c>object_attributes</c> of an issue event, or the <c>issue</c> of a note event.
/// </summary>
/// <remarks>Dates are kept as the strings GitLab sends, whose format varies.</remarks>
public sealed class GitLabIssue
{
    /// <summary>Gets the issue's global numeric id.</summary>
    public long? Id { get; init; }

    /// <summary>Gets the issue's number within its project (the <c>#123</c> number).</summary>
    public long? Iid { get; init; }

    /// <summary>Gets the title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the description in Markdown.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the state, such as <c>opened</c> or <c>closed</c>.</summary>
    public string? State { get; init; }

    /// <summary>Gets the action that was performed, such as <c>open</c>, <c>close</c> or <c>update</c> (issue events only).</summary>
    public string? Action { get; init; }

    /// <summary>Gets the URL of the issue's page.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the id of the user who opened the issue.</summary>
    public long? AuthorId { get; init; }

    /// <summary>Gets a value indicating whether the issue is confidential.</summary>
    public bool? Confidential { get; init; }

    /// <summary>Gets when the issue was created, as sent by GitLab.</summary>
    public string? CreatedAt { get; init; }

    /// <summary>Gets when the issue was last updated, as sent by GitLab.</summary>
    public string? UpdatedAt { get; init; }
}
