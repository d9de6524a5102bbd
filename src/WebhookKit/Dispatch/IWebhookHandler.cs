namespace WebhookKit;

/// <summary>Handles webhook events whose payload deserializes to <typeparamref name="TPayload"/>.</summary>
/// <typeparam name="TPayload">
/// The payload model, for example <c>GitHubPushEvent</c>, or a provider's catch-all envelope
/// (<c>GitHubEvent</c>, <c>StripeEvent</c>, <c>GitLabEvent</c>) to receive every event of that provider.
/// </typeparam>
/// <remarks>
/// Handlers run in the background after the provider already got its response, each delivery in its
/// own dependency injection scope. A handler that throws is retried with exponential backoff; after the
/// last attempt the delivery is dead-lettered. Handlers must be idempotent: delivery is at least once.
/// Register handlers with <c>AddHandler&lt;THandler&gt;()</c>.
/// </remarks>
public interface IWebhookHandler<TPayload>
{
    /// <summary>Handles one webhook event.</summary>
    /// <param name="webhook">The event, its typed payload and its delivery metadata.</param>
    /// <param name="cancellationToken">Cancelled when the application can no longer wait for the handler.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    Task HandleAsync(WebhookEvent<TPayload> webhook, CancellationToken cancellationToken);
}
