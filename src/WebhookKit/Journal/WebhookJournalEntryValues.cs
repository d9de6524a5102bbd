namespace WebhookKit.Journal;

/// <summary>
/// The fields of a <see cref="WebhookJournalEntry"/> in a struct: what <see cref="InMemoryWebhookJournal"/>'s rings hold,
/// so that a ring is one array and not an object per entry (docs/architecture.md, "The journal").
/// </summary>
/// <remarks>
/// A ring keeps its entries alive for thousands of deliveries, across many gen0 collections: as objects, each entry
/// was promoted twice and copied each time (three entries of about 190 B per handled delivery), which cost gen1
/// collections, throughput and the receive path's p99. In a struct only the strings an entry refers to stay alive
/// (most of them shared with the delivery's other entries, or constants), and the array, on the large object heap, is
/// never copied.
/// </remarks>
internal struct WebhookJournalEntryValues
{
    public long Sequence;
    public WebhookJournalEntryKind Kind;
    public DateTimeOffset Time;
    public string ReceiverName;
    public string? Provider;
    public string? EventType;
    public string? EventId;
    public string? DeliveryId;
    public IReadOnlyList<string>? IdempotencyKeys;
    public string? ReplayOf;
    public long BodyBytes;
    public int StatusCode;
    public string Outcome;
    public string? ReasonCode;
    public string? Reason;
    public int Attempt;
    public string? Handler;
    public TimeSpan? Duration;
    public string? ExceptionType;
    public string? ExceptionMessage;
    public string? Actor;
    public IReadOnlyDictionary<string, string>? Headers;
    public string? Body;

    /// <summary>Whether these fields match <paramref name="query"/>, without making an entry of them.</summary>
    public readonly bool Matches(WebhookJournalQuery query) =>
        query.Matches(ReceiverName, EventType, Outcome, Kind, EventId, DeliveryId, Time, Sequence);
}
