namespace WebhookKit.Dispatch;

/// <summary>The outcome of <see cref="IWebhookQueue.TryEnqueueAsync"/>.</summary>
public enum WebhookEnqueueResult
{
    /// <summary>The delivery is queued.</summary>
    Enqueued = 0,

    /// <summary>The queue is at its count or byte limit.</summary>
    Full = 1,

    /// <summary>The queue no longer accepts deliveries because the application is stopping.</summary>
    Closed = 2,
}
