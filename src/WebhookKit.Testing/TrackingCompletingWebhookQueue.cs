using WebhookKit.Dispatch;

namespace WebhookKit.Testing;

/// <summary>
/// A queue's <see cref="ICompletingWebhookQueue"/> as <see cref="TrackingWebhookQueue"/> hands it on: the same operations,
/// and the tracker told when a delivery finishes, since the dispatcher then finishes it here, not by acknowledging.
/// </summary>
internal sealed class TrackingCompletingWebhookQueue(ICompletingWebhookQueue inner, WebhookDeliveryTracker tracker) : ICompletingWebhookQueue
{
    public async ValueTask CompleteAndAcknowledgeAsync(WebhookDelivery delivery, TimeSpan retention, CancellationToken cancellationToken)
    {
        await inner.CompleteAndAcknowledgeAsync(delivery, retention, cancellationToken).ConfigureAwait(false);
        await tracker.OnFinishedAsync(delivery).ConfigureAwait(false);
    }

    public async ValueTask KeepForTakeoverAsync(WebhookDelivery delivery, int attempts, CancellationToken cancellationToken)
    {
        await inner.KeepForTakeoverAsync(delivery, attempts, cancellationToken).ConfigureAwait(false);
        await tracker.OnFinishedAsync(delivery).ConfigureAwait(false);
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}
