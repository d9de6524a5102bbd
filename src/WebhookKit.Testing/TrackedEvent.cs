namespace WebhookKit.Testing;

/// <summary>
/// The tracker's record of one <see cref="TrackerKey"/>: its last finished deliveries (oldest first, at most the
/// tracker's per-event limit) and the waits for its next one. Guarded by the tracker's lock.
/// </summary>
internal sealed class TrackedEvent(TrackerKey key)
{
    public TrackerKey Key { get; } = key;

    public Queue<TrackedDelivery> Deliveries { get; } = new();

    public List<TaskCompletionSource<TrackedDelivery>> Waiters { get; } = [];

    /// <summary>Gets or sets this event's place in the tracker's recency list, or <see langword="null"/> while only waited for.</summary>
    public LinkedListNode<TrackedEvent>? Recency { get; set; }
}
