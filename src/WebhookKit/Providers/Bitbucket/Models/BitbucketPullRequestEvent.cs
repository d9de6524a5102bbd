using System.Text.Json.Serialization;

namespace WebhookKit.Bitbucket;

/// <summary>
/// A Bitbucket Cloud <c>pullrequest:*</c> event (<c>created</c>, <c>updated</c>, <c>approved</c>, <c>unapproved</c>,
/// <c>changes_request_created</c>, <c>changes_request_removed</c>, <c>fulfilled</c> (merged), <c>rejected</c> (declined)).
/// </summary>
public sealed class BitbucketPullRequestEvent
{
    /// <summary>Gets or sets the account that caused the event.</summary>
    public BitbucketAccount? Actor { get; set; }

    /// <summary>Gets or sets the repository of the pull request.</summary>
    public BitbucketRepository? Repository { get; set; }

    /// <summary>Gets or sets the pull request.</summary>
    [JsonPropertyName("pullrequest")]
    public BitbucketPullRequest? PullRequest { get; set; }
}
