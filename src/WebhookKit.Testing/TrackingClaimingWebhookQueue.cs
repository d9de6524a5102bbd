using WebhookKit.Dispatch;

namespace WebhookKit.Testing;

/// <summary>
/// <see cref="TrackingWebhookQueue"/> for a queue that also claims and enqueues in one step: the capability is part of
/// the queue's contract, so the wrapper forwards it and the receive path under test takes the same path as in production.
/// </summary>
internal sealed class TrackingClaimingWebhookQueue(IWebhookQueue inner, IClaimingWebhookQueue claiming, WebhookDeliveryTracker tracker) : IWebhookQueue, IClaimingWebhookQueue
{
    private readonly TrackingWebhookQueue _tracking = new(inner, tracker);

    public int Count => _tracking.Count;

    public long Bytes => _tracking.Bytes;

    public ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        _tracking.TryEnqueueAsync(delivery, cancellationToken);

    public ValueTask<WebhookClaimAndEnqueueResult> TryClaimAndEnqueueAsync(WebhookDelivery delivery, TimeSpan lease, CancellationToken cancellationToken) =>
        claiming.TryClaimAndEnqueueAsync(delivery, lease, cancellationToken);

    public ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken) => _tracking.DequeueAsync(cancellationToken);

    public ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => _tracking.AcknowledgeAsync(delivery, cancellationToken);

    public void Close() => _tracking.Close();
}
