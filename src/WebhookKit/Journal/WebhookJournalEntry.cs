namespace WebhookKit.Journal;

/// <summary>
/// One record of the delivery journal: a request that reached a receiver, or one step of handling it. Holds names,
/// ids, sizes, outcomes and reasons; never a secret or a signature header. Headers only from
/// <see cref="WebhookJournalOptions.Headers"/>, the body only with <see cref="WebhookJournalOptions.CaptureBodies"/>.
/// Every string from a request is cut to <see cref="WebhookJournalOptions.MaxValueLength"/> characters.
/// </summary>
public sealed class WebhookJournalEntry
{
    // Every field in one struct, which is what the in-memory journal's rings hold (WebhookJournalEntryValues).
    private WebhookJournalEntryValues _values;

    /// <summary>Initializes an empty entry; set <see cref="ReceiverName"/> and <see cref="Outcome"/>, and what else is known.</summary>
    public WebhookJournalEntry()
    {
    }

    // The values are an appended entry's, whose required members were set.
#pragma warning disable CS8618
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    private WebhookJournalEntry(in WebhookJournalEntryValues values) => _values = values;
#pragma warning restore CS8618

    /// <summary>Gets the entry's position in its journal, increasing, assigned when it is appended; 0 before.</summary>
    public long Sequence { get => _values.Sequence; set => _values.Sequence = value; }

    /// <summary>Gets or sets what the entry records.</summary>
    public WebhookJournalEntryKind Kind { get => _values.Kind; init => _values.Kind = value; }

    /// <summary>Gets or sets when it happened.</summary>
    public DateTimeOffset Time { get => _values.Time; init => _values.Time = value; }

    /// <summary>Gets or sets the receiver's name.</summary>
    public required string ReceiverName { get => _values.ReceiverName; init => _values.ReceiverName = value; }

    /// <summary>Gets or sets the provider's name; <see langword="null"/> for an unknown receiver.</summary>
    public string? Provider { get => _values.Provider; init => _values.Provider = value; }

    /// <summary>Gets or sets the event type; <see langword="null"/> for a request refused before it was known.</summary>
    public string? EventType { get => _values.EventType; init => _values.EventType = value; }

    /// <summary>Gets or sets the event id; <see langword="null"/> for a request refused before it was known.</summary>
    public string? EventId { get => _values.EventId; init => _values.EventId = value; }

    /// <summary>Gets or sets the accepted delivery's id (<c>WebhookDelivery.DeliveryId</c>); the key of a delivery's entries.</summary>
    public string? DeliveryId { get => _values.DeliveryId; init => _values.DeliveryId = value; }

    /// <summary>
    /// Gets or sets the idempotency keys the delivery was claimed with (<c>WebhookDelivery.IdempotencyKeys</c>: the
    /// event's key, then the body digest's for a provider whose event id is unsigned), on
    /// <see cref="WebhookJournalEntryKind.Handled"/> and <see cref="WebhookJournalEntryKind.DeadLettered"/> entries.
    /// </summary>
    public IReadOnlyList<string>? IdempotencyKeys { get => _values.IdempotencyKeys; init => _values.IdempotencyKeys = value; }

    /// <summary>
    /// Gets or sets the id of the dead-lettered delivery this one replays (<c>WebhookDelivery.ReplayOf</c>), on the
    /// entries of a replay's handling; <see langword="null"/> otherwise. It links a replay to the delivery it replays.
    /// </summary>
    public string? ReplayOf { get => _values.ReplayOf; init => _values.ReplayOf = value; }

    /// <summary>Gets or sets the body's size in bytes: as received, or for a refused request as its <c>Content-Length</c> announced.</summary>
    public long BodyBytes { get => _values.BodyBytes; init => _values.BodyBytes = value; }

    /// <summary>Gets or sets the HTTP status the request was answered with (<see cref="WebhookJournalEntryKind.Received"/>).</summary>
    public int StatusCode { get => _values.StatusCode; init => _values.StatusCode = value; }

    /// <summary>
    /// Gets or sets the outcome as a stable, lower-case code: for a request the metric tag of
    /// <c>webhookkit.deliveries</c> (<c>accepted</c>, <c>duplicate</c>, <c>replay</c>, <c>unhandled</c>,
    /// <c>unauthorized</c>, …); for a step <c>succeeded</c>, <c>failed</c>, <c>handled</c>, <c>dead_lettered</c>,
    /// <c>replayed</c>, <c>deleted</c>.
    /// </summary>
    public required string Outcome { get => _values.Outcome; init => _values.Outcome = value; }

    /// <summary>
    /// Gets or sets why a provider refused the request, as a stable code (<c>signature_mismatch</c>,
    /// <c>timestamp_outside_tolerance</c>, <c>event_type_missing</c>, …; docs/rejection-reasons.md), or
    /// <see langword="null"/> when the request was not refused by its provider.
    /// </summary>
    public string? ReasonCode { get => _values.ReasonCode; init => _values.ReasonCode = value; }

    /// <summary>Gets or sets why: a refusal's reason, a dead letter's reason, a replay's result. Never a secret.</summary>
    public string? Reason { get => _values.Reason; init => _values.Reason = value; }

    /// <summary>Gets or sets the attempt number (<see cref="WebhookJournalEntryKind.Attempt"/>, <see cref="WebhookJournalEntryKind.Handled"/>, <see cref="WebhookJournalEntryKind.DeadLettered"/>).</summary>
    public int Attempt { get => _values.Attempt; init => _values.Attempt = value; }

    /// <summary>Gets or sets the handler's type name (<see cref="WebhookJournalEntryKind.Attempt"/>).</summary>
    public string? Handler { get => _values.Handler; init => _values.Handler = value; }

    /// <summary>Gets or sets how long the handler ran (<see cref="WebhookJournalEntryKind.Attempt"/>).</summary>
    public TimeSpan? Duration { get => _values.Duration; init => _values.Duration = value; }

    /// <summary>Gets or sets the type of the exception a handler threw.</summary>
    public string? ExceptionType { get => _values.ExceptionType; init => _values.ExceptionType = value; }

    /// <summary>
    /// Gets or sets the message of the exception a handler threw, cut to <see cref="WebhookJournalOptions.MaxExceptionMessageLength"/>.
    /// A handler's message may quote the payload; it is kept here (and shown by the dashboard), not in logs' dead-letter reasons.
    /// </summary>
    public string? ExceptionMessage { get => _values.ExceptionMessage; init => _values.ExceptionMessage = value; }

    /// <summary>Gets or sets who did it, when known (a dashboard user who replayed or deleted a dead letter).</summary>
    public string? Actor { get => _values.Actor; init => _values.Actor = value; }

    /// <summary>Gets or sets the request headers named in <see cref="WebhookJournalOptions.Headers"/>; empty by default.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get => _values.Headers; init => _values.Headers = value; }

    /// <summary>Gets or sets the body as text, only with <see cref="WebhookJournalOptions.CaptureBodies"/> and only for accepted deliveries, after <see cref="WebhookJournalOptions.RedactBody"/>.</summary>
    public string? Body { get => _values.Body; init => _values.Body = value; }

    /// <summary>The entry's fields, as a ring keeps them.</summary>
    internal WebhookJournalEntryValues Values => _values;

    /// <summary>A new entry with <paramref name="values"/>.</summary>
    internal static WebhookJournalEntry FromValues(in WebhookJournalEntryValues values) => new(values);
}
