namespace WebhookKit.GitLab;

/// <summary>
/// The basics of a merge request: the <c>object_attributes</c> of a merge request event, or the
/// <c>merge_request</c> of a note or pipeline event.
/// </summary>
/// <remarks>Dates are kept as the strings GitLab sends, whose format varies (for example <c>2013-10-02 09:44:40 UTC</c>).</remarks>
public sealed class GitLabMergeRequest
{
    /// <summary>Gets or sets the merge request's global numeric id.</summary>
    public long? Id { get; set; }

    /// <summary>Gets or sets the merge request's number within its project (the <c>!123</c> number).</summary>
    public long? Iid { get; set; }

    /// <summary>Gets or sets the title.</summary>
    public string? Title { get; set; }

    /// <summary>Gets or sets the description in Markdown.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets the state, such as <c>opened</c>, <c>closed</c>, <c>merged</c> or <c>locked</c>.</summary>
    public string? State { get; set; }

    /// <summary>Gets or sets the action that was performed, such as <c>open</c>, <c>update</c> or <c>merge</c> (merge request events only).</summary>
    public string? Action { get; set; }

    /// <summary>Gets or sets the branch holding the changes.</summary>
    public string? SourceBranch { get; set; }

    /// <summary>Gets or sets the branch the changes are to be merged into.</summary>
    public string? TargetBranch { get; set; }

    /// <summary>Gets or sets the id of the project holding the source branch.</summary>
    public long? SourceProjectId { get; set; }

    /// <summary>Gets or sets the id of the project holding the target branch.</summary>
    public long? TargetProjectId { get; set; }

    /// <summary>Gets or sets the id of the user who opened the merge request.</summary>
    public long? AuthorId { get; set; }

    /// <summary>Gets or sets the URL of the merge request's page.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the merge status, such as <c>unchecked</c>, <c>can_be_merged</c> or <c>cannot_be_merged</c>.</summary>
    public string? MergeStatus { get; set; }

    /// <summary>Gets or sets the detailed merge status, such as <c>mergeable</c>, when GitLab sends it.</summary>
    public string? DetailedMergeStatus { get; set; }

    /// <summary>Gets or sets a value indicating whether the merge request is a draft.</summary>
    public bool? Draft { get; set; }

    /// <summary>Gets or sets the last commit on the source branch.</summary>
    public GitLabCommit? LastCommit { get; set; }

    /// <summary>Gets or sets the SHA of the merge commit, once merged.</summary>
    public string? MergeCommitSha { get; set; }

    /// <summary>Gets or sets when the merge request was created, as sent by GitLab.</summary>
    public string? CreatedAt { get; set; }

    /// <summary>Gets or sets when the merge request was last updated, as sent by GitLab.</summary>
    public string? UpdatedAt { get; set; }
}
