namespace WebhookKit.GitHub;

/// <summary>
/// A comment on an issue or pull request, as sent in <c>issue_comment</c> events.
/// </summary>
public sealed class GitHubComment
{
    /// <summary>Gets or sets the comment's numeric id.</summary>
    public long Id { get; set; }

    /// <summary>Gets or sets the comment's GraphQL node id.</summary>
    public string? NodeId { get; set; }

    /// <summary>Gets or sets the URL of the comment on GitHub.</summary>
    public string? HtmlUrl { get; set; }

    /// <summary>Gets or sets the comment text in Markdown.</summary>
    public string? Body { get; set; }

    /// <summary>Gets or sets the account that wrote the comment.</summary>
    public GitHubUser? User { get; set; }

    /// <summary>Gets or sets the author's association with the repository, such as <c>OWNER</c> or <c>CONTRIBUTOR</c>.</summary>
    public string? AuthorAssociation { get; set; }

    /// <summary>Gets or sets when the comment was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the comment was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}
