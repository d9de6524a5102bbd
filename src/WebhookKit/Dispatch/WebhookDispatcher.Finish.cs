using WebhookKit.Internal;

namespace WebhookKit.Dispatch;

/// <summary>
/// Finishing a delivery: complete its claim, or dead-letter it and release the claim; then acknowledge it. A queue that
/// keeps its deliveries' claims (<see cref="WebhookQueueCapabilities.CompleteAndAcknowledge"/>) completes and
/// acknowledges in one operation, and keeps one whose dead letter could not be stored for a takeover.
/// </summary>
internal sealed partial class WebhookDispatcher
{
    /// <summary>
    /// Completes or dead-letters the delivery. Each store call fails on its own: it is logged, never thrown.
    /// </summary>
    /// <returns>Whether the delivery is acknowledged (or left for a takeover) already; otherwise the caller acknowledges it.</returns>
    private async ValueTask<bool> FinishAsync(WebhookDelivery delivery, DispatchOutcome outcome)
    {
        // Renewals stop before the claim is completed or released; one in flight meanwhile never takes it back.
        _leases.Forget(delivery.DeliveryId);
        if (outcome.Succeeded)
        {
            if (_completingQueue is { } completing)
            {
                await TryQueueFinishAsync(delivery, completing.CompleteAndAcknowledgeAsync(delivery, _options.RetentionDuration, CancellationToken.None)).ConfigureAwait(false);
                return true;
            }

            await TryFinishClaimAsync(delivery, complete: true).ConfigureAwait(false);
            return false;
        }

        bool stored;
        try
        {
            // A dead letter outlives the acknowledgement, which may return the delivery's pooled buffer.
            var deadLetter = new WebhookDeadLetter(delivery.WithOwnedBody(), _timeProvider.GetUtcNow(), outcome.Attempts, outcome.Reason);
            await _deadLetters.AddAsync(deadLetter, CancellationToken.None).ConfigureAwait(false);
            stored = true;
        }
        catch (Exception exception)
        {
            Log.DeadLetterStoreFailed(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, delivery.DeliveryId, exception);
            stored = false;
        }

        _health.DeadLettered();
        _metrics.DeadLettered(delivery);
        if (outcome.Attempts == 0)
        {
            Log.DeadLetteredUnread(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, delivery.DeliveryId, outcome.Reason);
        }
        else
        {
            Log.DeadLettered(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, delivery.DeliveryId, outcome.Attempts, outcome.Reason, outcome.Exception);
        }

        _journal.Finished(delivery, handled: false, outcome.Attempts, outcome.Reason);
        if (stored)
        {
            // Released so that the provider's redelivery of the same event is processed again.
            await TryFinishClaimAsync(delivery, complete: false).ConfigureAwait(false);
            return false;
        }

        // Not stored: the claim is kept until its lease expires, since a redelivery accepted meanwhile would run the
        // handlers again. A queue that keeps claims keeps the delivery too, for a takeover that stores its dead letter.
        if (_completingQueue is { } keeping)
        {
            await TryQueueFinishAsync(delivery, keeping.KeepForTakeoverAsync(delivery, outcome.Attempts, CancellationToken.None)).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>Awaits a queue's finishing operation; a failure is logged as a failed acknowledgement, never thrown.</summary>
    /// <summary>At shutdown, after the workers stopped: what a completing queue finishes in the background is finished now.</summary>
    private async Task FlushCompletionsAsync(CancellationToken cancellationToken)
    {
        if (_completingQueue is null)
        {
            return;
        }

        try
        {
            await _completingQueue.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.FlushFailed(_logger, exception);
        }
    }

    private async ValueTask TryQueueFinishAsync(WebhookDelivery delivery, ValueTask finishing)
    {
        try
        {
            await finishing.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.AcknowledgeFailed(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, delivery.DeliveryId, exception);
        }
    }

    private async ValueTask TryFinishClaimAsync(WebhookDelivery delivery, bool complete)
    {
        try
        {
            if (complete)
            {
                await _idempotencyStore.CompleteAsync(delivery.IdempotencyKeys, delivery.DeliveryId, _options.RetentionDuration, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await _idempotencyStore.ReleaseAsync(delivery.IdempotencyKeys, delivery.DeliveryId, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            Log.FinishFailed(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, exception);
        }
    }

    /// <summary>Acknowledges the delivery; a queue that fails to is logged, and the worker goes on to the next delivery.</summary>
    private async ValueTask TryAcknowledgeAsync(WebhookDelivery delivery)
    {
        try
        {
            await _queue.AcknowledgeAsync(delivery, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.AcknowledgeFailed(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, delivery.DeliveryId, exception);
        }
    }
}
