using WebhookKit.Internal;

namespace WebhookKit.Dispatch;

/// <summary>Finishing a delivery: complete its claim, or dead-letter it and release the claim; then acknowledge it.</summary>
internal sealed partial class WebhookDispatcher
{
    /// <summary>Completes or dead-letters the delivery. Each store call fails on its own: it is logged, never thrown.</summary>
    private async Task FinishAsync(WebhookDelivery delivery, DispatchOutcome outcome)
    {
        // Renewals stop before the claim is completed or released; one in flight meanwhile never takes it back.
        _leases.Forget(delivery.DeliveryId);
        if (outcome.Succeeded)
        {
            await TryFinishClaimAsync(delivery, complete: true).ConfigureAwait(false);
            return;
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
        Log.DeadLettered(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, delivery.DeliveryId, outcome.Attempts, outcome.Reason);
        if (stored)
        {
            // Released so that the provider's redelivery of the same event is processed again. When the store failed the
            // claim is kept until its lease expires: a durable queue keeps such a delivery pending and takes it over
            // later, and a redelivery accepted meanwhile would run the handlers twice.
            await TryFinishClaimAsync(delivery, complete: false).ConfigureAwait(false);
        }
    }

    private async Task TryFinishClaimAsync(WebhookDelivery delivery, bool complete)
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
    private async Task TryAcknowledgeAsync(WebhookDelivery delivery)
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
