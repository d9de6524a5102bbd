namespace WebhookKit.Dispatch;

/// <summary>The outcome of <see cref="IDeadLetterStore.ReplayAsync"/>.</summary>
public enum DeadLetterReplayResult
{
    /// <summary>The delivery is queued again and removed from the dead letters.</summary>
    Replayed = 0,

    /// <summary>There is no dead letter with that id.</summary>
    NotFound = 1,

    /// <summary>The same event is already in flight or handled (for example the provider redelivered it); the dead letter is kept.</summary>
    AlreadyAccepted = 2,

    /// <summary>The queue is full or closed; the dead letter is kept, try again later.</summary>
    QueueUnavailable = 3,
}
