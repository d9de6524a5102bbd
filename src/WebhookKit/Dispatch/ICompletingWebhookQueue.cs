namespace WebhookKit.Dispatch;

/// <summary>
/// How a queue that keeps its deliveries' claims with them (a durable queue) finishes a delivery: "the delivery is done"
/// is then one operation of the queue, instead of completing the claim in the <c>IIdempotencyStore</c> and then
/// acknowledging, so that neither the store nor the queue has to call into the other. A queue offers it through
/// <see cref="WebhookQueueCapabilities.CompleteAndAcknowledge"/>; the dispatcher then calls it instead of
/// <c>IIdempotencyStore.CompleteAsync</c> and <see cref="IWebhookQueue.AcknowledgeAsync"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It is a queue; the name matches IWebhookQueue.")]
public interface ICompletingWebhookQueue
{
    /// <summary>
    /// Marks the claims of a handled delivery completed, kept for <paramref name="retention"/>, and acknowledges the
    /// delivery, as one operation. An implementation may finish it in the background, but must keep the delivery its
    /// own (not taken over by another consumer) until both are done.
    /// </summary>
    /// <param name="delivery">A delivery returned by <see cref="IWebhookQueue.DequeueAsync"/>, handled.</param>
    /// <param name="retention">How long redeliveries of its event are recognised as duplicates.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the delivery is finished, or handed to the background that finishes it.</returns>
    ValueTask CompleteAndAcknowledgeAsync(WebhookDelivery delivery, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>
    /// Leaves a delivery whose dead letter could not be stored unacknowledged, with <paramref name="attempts"/> recorded,
    /// so that whoever takes it over later dead-letters it without running its handlers again; its claim is kept.
    /// </summary>
    /// <param name="delivery">A delivery returned by <see cref="IWebhookQueue.DequeueAsync"/>.</param>
    /// <param name="attempts">The attempts made.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the delivery is released by this consumer.</returns>
    ValueTask KeepForTakeoverAsync(WebhookDelivery delivery, int attempts, CancellationToken cancellationToken);

    /// <summary>
    /// Finishes what <see cref="CompleteAndAcknowledgeAsync"/> handed to the background, within
    /// <paramref name="cancellationToken"/>: the dispatcher calls it once at shutdown, after its workers stopped, so that
    /// a graceful stop leaves nothing it handled for a takeover (which would run it again). What is not finished when the
    /// token is cancelled stays for a takeover; the task never fails for that.
    /// </summary>
    /// <param name="cancellationToken">The host's shutdown timeout.</param>
    /// <returns>A task that completes when everything handed to the background is finished, or the token is cancelled.</returns>
    ValueTask FlushAsync(CancellationToken cancellationToken);
}
