namespace WebhookKit.Dispatch;

/// <summary>
/// Keeps deliveries whose handlers failed on every attempt, so they can be inspected, replayed or deleted.
/// </summary>
/// <remarks>
/// When a delivery is dead-lettered its idempotency claim is released, so a redelivery by the provider is
/// processed again. The default store is in memory and bounded (<see cref="WebhookOptions.DeadLetterCapacity"/>).
/// </remarks>
public interface IDeadLetterStore
{
    /// <summary>Adds a failed delivery.</summary>
    /// <param name="deadLetter">The failed delivery and why it failed.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the dead letter is stored.</returns>
    ValueTask AddAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>Lists dead letters, oldest first.</summary>
    /// <param name="maxCount">The largest number of dead letters to return.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Up to <paramref name="maxCount"/> dead letters.</returns>
    ValueTask<IReadOnlyList<WebhookDeadLetter>> ListAsync(int maxCount, CancellationToken cancellationToken);

    /// <summary>Gets one dead letter by its delivery id.</summary>
    /// <param name="deliveryId">The <see cref="WebhookDelivery.DeliveryId"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The dead letter, or <see langword="null"/> when there is none with that id.</returns>
    ValueTask<WebhookDeadLetter?> GetAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Sends a dead letter through the handlers again, as a new delivery of the same event.</summary>
    /// <param name="deliveryId">The <see cref="WebhookDelivery.DeliveryId"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it was queued again, or why not. Only a replayed dead letter is removed.</returns>
    ValueTask<DeadLetterReplayResult> ReplayAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Deletes a dead letter.</summary>
    /// <param name="deliveryId">The <see cref="WebhookDelivery.DeliveryId"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when it existed and was deleted.</returns>
    ValueTask<bool> DeleteAsync(string deliveryId, CancellationToken cancellationToken);
}
