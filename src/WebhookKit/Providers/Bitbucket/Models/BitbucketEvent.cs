namespace WebhookKit.Bitbucket;

/// <summary>
/// What every Bitbucket Cloud event payload has: who acted and on which repository. Reads any event; the event key
/// (<c>X-Event-Key</c>) is <c>WebhookEvent.EventType</c> and the raw body is <c>WebhookEvent.RawBody</c>.
/// </summary>
public sealed class BitbucketEvent
{
    /// <summary>Gets or sets the account that caused the event.</summary>
    public BitbucketAccount? Actor { get; set; }

    /// <summary>Gets or sets the repository, for repository and pull request events.</summary>
    public BitbucketRepository? Repository { get; set; }
}
