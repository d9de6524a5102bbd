using WebhookKit.Dispatch;

namespace WebhookKit.Testing;

/// <summary>Wraps the app's queue and tells the tracker when a delivery is acknowledged (handled or dead-lettered).</summary>
internal sealed class TrackingWebhookQueue(IWebhookQueue inner, WebhookDeliveryTracker tracker) : IWebhookQueue
{
    // The inner queue's, so that the app under test takes the path it takes in production; only a queue that finishes
    // deliveries itself has that operation wrapped, for the tracker to learn when they finish.
    private readonly WebhookQueueCapabilities _capabilities = inner.Capabilities.CompleteAndAcknowledge is { } completing
        ? inner.Capabilities with { CompleteAndAcknowledge = new TrackingCompletingWebhookQueue(completing, tracker) }
        : inner.Capabilities;

    public WebhookQueueCapabilities Capabilities => _capabilities;

    public int Count => inner.Count;

    public long Bytes => inner.Bytes;

    public ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        inner.TryEnqueueAsync(delivery, cancellationToken);

    public ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken) => inner.DequeueAsync(cancellationToken);

    public async ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await inner.AcknowledgeAsync(delivery, cancellationToken).ConfigureAwait(false);
        await tracker.OnFinishedAsync(delivery).ConfigureAwait(false);
    }

    public void Close() => inner.Close();
}
