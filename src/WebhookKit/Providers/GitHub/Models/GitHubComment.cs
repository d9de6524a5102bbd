namespace WebhookKit.GitHub;

/// <summary>
/// A comment on an issue or pull request, as sent in <c>issue_comment</c> events.
/// </summary>
public sealed class GitHubComment
{
    /// <summary>Gets the comment's numeric id.</summary>
    public long Id { get; init; }

    /// <summary>Gets the comment's GraphQL node id.</summary>
    public string? NodeId { get; init; }

    /// <summary>Gets the URL of the comment on GitHub.</summary>
    public string? HtmlUrl { get; init; }

    /// <summary>Gets the comment text in Markdown.</summary>
    public string? Body { get; init; }

    /// <summary>Gets the account that wrote the comment.</summary>
    public GitHubUser? User { get; init; }

    /// <summary>Gets the author's association with the repository, such as <c>OWNER</c> or <c>CONTRIBUTOR</c>.</summary>
    public string? AuthorAssociation { get; init; }

    /// <summary>Gets when the comment was created.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Gets when the comment was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }
}
