namespace WebhookKit.Dispatch;

/// <summary>
/// Carries accepted deliveries from the receive path to the background dispatcher.
/// </summary>
/// <remarks>
/// The queue is bounded by count and by bytes: when it is full, <see cref="TryEnqueueAsync"/> answers
/// <see cref="WebhookEnqueueResult.Full"/> and the provider gets a 503 with <c>Retry-After</c>, so it
/// delivers again later. A delivery counts against the limits from enqueue until it is acknowledged.
/// The default is an in-process queue; register another implementation before or after
/// <c>AddWebhooks()</c> to replace it.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue; the name is part of the documented API.")]
public interface IWebhookQueue
{
    /// <summary>
    /// Gets what this queue can do beyond this interface. A queue that wraps another returns the inner queue's, so that
    /// the receive path takes the same path with the wrapper as without it.
    /// </summary>
    /// <value>The default is <see cref="WebhookQueueCapabilities.None"/>.</value>
    WebhookQueueCapabilities Capabilities => WebhookQueueCapabilities.None;

    /// <summary>Gets the number of deliveries enqueued and not yet acknowledged.</summary>
    int Count { get; }

    /// <summary>Gets the number of bytes held by deliveries enqueued and not yet acknowledged.</summary>
    long Bytes { get; }

    /// <summary>Adds a delivery to the queue unless it is full or closed.</summary>
    /// <param name="delivery">The accepted delivery.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the delivery was enqueued, or why not.</returns>
    ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>Waits for the next delivery.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The next delivery, or <see langword="null"/> once the queue is closed and empty.</returns>
    ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken);

    /// <summary>Marks a dequeued delivery as finished (handled or dead-lettered) and frees its capacity.</summary>
    /// <param name="delivery">A delivery returned by <see cref="DequeueAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the delivery is acknowledged.</returns>
    ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken);

    /// <summary>
    /// Stops accepting deliveries; <see cref="DequeueAsync"/> keeps returning what is left, then <see langword="null"/>.
    /// Called when the application stops.
    /// </summary>
    void Close();
}
