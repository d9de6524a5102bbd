namespace WebhookKit.GitLab;

/// <summary>
/// The basics of a merge request: the <c>object_attributes</c> of a merge request event, or the
/// <c>merge_request</c> of a note or pipeline event.
/// </summary>
/// <remarks>Dates are kept as the strings GitLab sends, whose format varies (for example <c>2013-10-02 09:44:40 UTC</c>).</remarks>
public sealed class GitLabMergeRequest
{
    /// <summary>Gets the merge request's global numeric id.</summary>
    public long? Id { get; init; }

    /// <summary>Gets the merge request's number within its project (the <c>!123</c> number).</summary>
    public long? Iid { get; init; }

    /// <summary>Gets the title.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the description in Markdown.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the state, such as <c>opened</c>, <c>closed</c>, <c>merged</c> or <c>locked</c>.</summary>
    public string? State { get; init; }

    /// <summary>Gets the action that was performed, such as <c>open</c>, <c>update</c> or <c>merge</c> (merge request events only).</summary>
    public string? Action { get; init; }

    /// <summary>Gets the branch holding the changes.</summary>
    public string? SourceBranch { get; init; }

    /// <summary>Gets the branch the changes are to be merged into.</summary>
    public string? TargetBranch { get; init; }

    /// <summary>Gets the id of the project holding the source branch.</summary>
    public long? SourceProjectId { get; init; }

    /// <summary>Gets the id of the project holding the target branch.</summary>
    public long? TargetProjectId { get; init; }

    /// <summary>Gets the id of the user who opened the merge request.</summary>
    public long? AuthorId { get; init; }

    /// <summary>Gets the URL of the merge request's page.</summary>
    public string? Url { get; init; }

    /// <summary>Gets the merge status, such as <c>unchecked</c>, <c>can_be_merged</c> or <c>cannot_be_merged</c>.</summary>
    public string? MergeStatus { get; init; }

    /// <summary>Gets the detailed merge status, such as <c>mergeable</c>, when GitLab sends it.</summary>
    public string? DetailedMergeStatus { get; init; }

    /// <summary>Gets a value indicating whether the merge request is a draft.</summary>
    public bool? Draft { get; init; }

    /// <summary>Gets the last commit on the source branch.</summary>
    public GitLabCommit? LastCommit { get; init; }

    /// <summary>Gets the SHA of the merge commit, once merged.</summary>
    public string? MergeCommitSha { get; init; }

    /// <summary>Gets when the merge request was created, as sent by GitLab.</summary>
    public string? CreatedAt { get; init; }

    /// <summary>Gets when the merge request was last updated, as sent by GitLab.</summary>
    public string? UpdatedAt { get; init; }
}
