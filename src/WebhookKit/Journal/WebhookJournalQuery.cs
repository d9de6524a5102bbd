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
        return (ReceiverName is null || entry.ReceiverName == ReceiverName)
            && (EventType is null || entry.EventType == EventType)
            && (Outcome is null || entry.Outcome == Outcome)
            && (Kind is null || entry.Kind == Kind)
            && (EventId is null || entry.EventId == EventId)
            && (DeliveryId is null || entry.DeliveryId == DeliveryId)
            && (From is null || entry.Time >= From)
            && (To is null || entry.Time <= To)
            && (AfterSequence is null || entry.Sequence > AfterSequence);
    }
}
