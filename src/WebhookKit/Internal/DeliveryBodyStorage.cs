namespace WebhookKit.Internal;

/// <summary>Where an accepted delivery's body lives while it waits and is handled.</summary>
internal enum DeliveryBodyStorage
{
    /// <summary>
    /// An exact-size copy on the ordinary heap: for a queue that may keep the delivery after acknowledgement or
    /// outside this process's control (a custom or durable queue).
    /// </summary>
    Copy,

    /// <summary>
    /// A copy on the pinned object heap: for a body queued behind a backlog, which will outlive several gen0
    /// collections, each of which would otherwise copy it again (those pauses were the receive path's p99 in a burst).
    /// Only then: that heap is swept by gen2 collections alone, which short-lived bodies would make frequent.
    /// </summary>
    PinnedCopy,

    /// <summary>
    /// No copy: the delivery takes the pooled request buffer and the in-memory queue returns it at acknowledgement.
    /// Most deliveries are handled within milliseconds, and a 10 KB copy each was most of the receive path's
    /// allocation and so of the collections that competed with it.
    /// </summary>
    PooledBuffer,

    /// <summary>
    /// No copy, and the buffer stays the receive path's: for <see cref="Dispatch.IClaimingWebhookQueue"/>, which writes the
    /// body to its store before its call completes. A durable queue reads it back from there.
    /// </summary>
    BorrowedBuffer,
}
