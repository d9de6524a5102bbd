namespace WebhookKit.Journal;

/// <summary>What a <see cref="WebhookJournalEntry"/> records.</summary>
public enum WebhookJournalEntryKind
{
    /// <summary>A request that reached a receiver, and how it was answered (accepted, duplicate, rejected, …).</summary>
    Received,

    /// <summary>One handler's run in one attempt: its start, duration and result.</summary>
    Attempt,

    /// <summary>Every handler of a delivery succeeded.</summary>
    Handled,

    /// <summary>A delivery failed on its last attempt, or its payload could not be read, and went to the dead letters.</summary>
    DeadLettered,

    /// <summary>A dead letter was replayed (sent through the handlers again as a new delivery).</summary>
    Replayed,

    /// <summary>A dead letter was deleted.</summary>
    Deleted,
}
