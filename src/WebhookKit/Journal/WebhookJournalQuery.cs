namespace WebhookKit.Journal;

/// <summary>Which journal entries to return; every filter that is set must match. Newest first.</summary>
public sealed class WebhookJournalQuery
{
    /// <summary>Gets or sets the receiver name to match.</summary>
    public string? ReceiverName { get; init; }

    /// <summary>Gets or sets the event type to match.</summary>
    public string? EventType { get; init; }

    /// <summary>Gets or sets the outcome code to match (<see cref="WebhookJournalEntry.Outcome"/>).</summary>
    public string? Outcome { get; init; }

    /// <summary>Gets or sets the kind to match.</summary>
    public WebhookJournalEntryKind? Kind { get; init; }

    /// <summary>Gets or sets the event id to match.</summary>
    public string? EventId { get; init; }

    /// <summary>Gets or sets the delivery id to match: every entry of one delivery.</summary>
    public string? DeliveryId { get; init; }

    /// <summary>Gets or sets the earliest time to return.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets or sets the latest time to return.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Gets or sets a sequence: only entries after it (what a live feed has not seen yet).</summary>
    public long? AfterSequence { get; init; }

    /// <summary>Gets or sets the largest number of entries to return. Default 100.</summary>
    public int MaxCount { get; init; } = 100;

    /// <summary>Whether <paramref name="entry"/> matches every filter that is set.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns><see langword="true"/> when it matches.</returns>
    public bool Matches(WebhookJournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Matches(entry.ReceiverName, entry.EventType, entry.Outcome, entry.Kind, entry.EventId, entry.DeliveryId, entry.Time, entry.Sequence);
    }

    /// <summary>The same test on an entry's fields, for a journal that keeps entries in another shape (<see cref="InMemoryWebhookJournal"/>).</summary>
    internal bool Matches(string receiverName, string? eventType, string outcome, WebhookJournalEntryKind kind, string? eventId, string? deliveryId, DateTimeOffset time, long sequence) =>
        (ReceiverName is null || receiverName == ReceiverName)
        && (EventType is null || eventType == EventType)
        && (Outcome is null || outcome == Outcome)
        && (Kind is null || kind == Kind)
        && (EventId is null || eventId == EventId)
        && (DeliveryId is null || deliveryId == DeliveryId)
        && (From is null || time >= From)
        && (To is null || time <= To)
        && (AfterSequence is null || sequence > AfterSequence);
}
