namespace WebhookKit.Dashboard.Internal;

/// <summary>One row of the overview: a receiver and event type over the journal's window.</summary>
internal sealed record OverviewRow(
    string ReceiverName,
    string EventType,
    int Deliveries,
    double? SuccessRate,
    double? P50Milliseconds,
    double? P95Milliseconds,
    int FailuresLastHour,
    int FailuresLastDay);

/// <summary>The overview: queue, dead letters, journal losses and the rows.</summary>
internal sealed record Overview(int QueueDepth, long QueueBytes, int DeadLetters, long Dropped, IReadOnlyList<OverviewRow> Rows);

/// <summary>A request in the deliveries list: its received entry, with how its delivery ended when it has.</summary>
internal sealed record DeliveryRow(
    string Id,
    long Sequence,
    DateTimeOffset Time,
    string ReceiverName,
    string? Provider,
    string? EventType,
    string? EventId,
    string? DeliveryId,
    long BodyBytes,
    int Status,
    string Outcome,
    string? ReasonCode,
    string? Reason);

/// <summary>One handler run in a delivery's timeline.</summary>
internal sealed record AttemptView(DateTimeOffset StartedAt, int Attempt, string? Handler, double? DurationMilliseconds, string Result, string? ExceptionType, string? ExceptionMessage);

/// <summary>Everything the journal knows about one request and its delivery.</summary>
internal sealed record DeliveryDetail(
    string Id,
    DateTimeOffset Time,
    string ReceiverName,
    string? Provider,
    string? EventType,
    string? EventId,
    string? DeliveryId,
    long BodyBytes,
    int Status,
    string Outcome,
    string? ReasonCode,
    string? Reason,
    string? FinalOutcome,
    string? FinalReason,
    IReadOnlyList<AttemptView> Attempts,
    IReadOnlyList<string> Replays,
    IReadOnlyList<string> ReplayedAs,
    string? ReplayOf,
    string? IdempotencyKeys,
    IReadOnlyDictionary<string, string>? Headers,
    string? Body);
