namespace WebhookKit.Testing;

/// <summary>The tracker's bounded history: finished deliveries by event and receiver, and the waits for the next one.</summary>
public sealed partial class WebhookDeliveryTracker
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TrackerKey, TrackedEvent> _events = [];
    private readonly LinkedList<TrackedEvent> _recency = new();
    private readonly int _maxPerEvent;
    private readonly int _maxEvents;
    private readonly int _maxFinished;

    /// <summary>Initializes the tracker with other limits than the public defaults (for the tracker's own tests).</summary>
    internal WebhookDeliveryTracker(IServiceProvider services, int maxPerEvent, int maxEvents, int maxFinished)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
        _maxPerEvent = maxPerEvent;
        _maxEvents = maxEvents;
        _maxFinished = maxFinished;
    }

    /// <summary>Gets the number of event records kept, including those only waited for (for the tracker's own tests).</summary>
    internal int TrackedEventCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count;
            }
        }
    }

    private void Record(TrackedDelivery finished)
    {
        List<TaskCompletionSource<TrackedDelivery>> toComplete = [];
        lock (_gate)
        {
            // A delivery counts for its receiver and for waits that name no receiver.
            Add(new TrackerKey(finished.Delivery.ReceiverName, finished.Delivery.EventId), finished, toComplete);
            Add(new TrackerKey(null, finished.Delivery.EventId), finished, toComplete);
            while (_recency.Count > _maxEvents)
            {
                Forget(_recency.First!.Value);
            }
        }

        // Completed outside the lock; continuations run asynchronously anyway.
        foreach (var waiter in toComplete)
        {
            waiter.TrySetResult(finished);
        }
    }

    private void Add(TrackerKey key, TrackedDelivery finished, List<TaskCompletionSource<TrackedDelivery>> toComplete)
    {
        var tracked = GetOrCreate(key);
        tracked.Deliveries.Enqueue(finished);
        if (tracked.Deliveries.Count > _maxPerEvent)
        {
            tracked.Deliveries.Dequeue();
        }

        if (tracked.Recency is null)
        {
            tracked.Recency = _recency.AddLast(tracked);
        }
        else
        {
            _recency.Remove(tracked.Recency);
            _recency.AddLast(tracked.Recency);
        }

        toComplete.AddRange(tracked.Waiters);
        tracked.Waiters.Clear();
    }

    /// <summary>Registers a wait, or, for <paramref name="latest"/> when a delivery already finished, returns it instead.</summary>
    private TaskCompletionSource<TrackedDelivery>? Register(TrackerKey key, bool latest, out TrackedDelivery? done)
    {
        lock (_gate)
        {
            if (latest && _events.TryGetValue(key, out var known) && known.Deliveries.Count > 0)
            {
                done = known.Deliveries.Last();
                return null;
            }

            var waiter = new TaskCompletionSource<TrackedDelivery>(TaskCreationOptions.RunContinuationsAsynchronously);
            GetOrCreate(key).Waiters.Add(waiter);
            done = null;
            return waiter;
        }
    }

    /// <summary>Forgets a wait that completed, timed out or was cancelled, and the event record if nothing else holds it.</summary>
    private void Unregister(TrackerKey key, TaskCompletionSource<TrackedDelivery> waiter)
    {
        lock (_gate)
        {
            if (_events.TryGetValue(key, out var tracked))
            {
                tracked.Waiters.Remove(waiter);
                if (tracked.Waiters.Count == 0 && tracked.Recency is null)
                {
                    _events.Remove(key);
                }
            }
        }
    }

    private IReadOnlyList<TrackedDelivery> Snapshot(TrackerKey key)
    {
        lock (_gate)
        {
            return _events.TryGetValue(key, out var tracked) ? [.. tracked.Deliveries] : [];
        }
    }

    private TrackedEvent GetOrCreate(TrackerKey key)
    {
        if (!_events.TryGetValue(key, out var tracked))
        {
            tracked = new TrackedEvent(key);
            _events.Add(key, tracked);
        }

        return tracked;
    }

    /// <summary>Drops an event's deliveries; its record stays only while someone waits for its next delivery.</summary>
    private void Forget(TrackedEvent tracked)
    {
        _recency.Remove(tracked.Recency!);
        tracked.Recency = null;
        tracked.Deliveries.Clear();
        if (tracked.Waiters.Count == 0)
        {
            _events.Remove(tracked.Key);
        }
    }
}
