using Microsoft.Extensions.Logging;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Every log line WebhookKit.Redis writes, with stable event ids from 100 on (the core uses ids below 100).
/// Never a secret, a signature, payload bytes or a connection string: only receiver partitions, event types and ids, counts.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Warning, "Reading webhook deliveries from Redis failed; retrying in {Delay}.")]
    public static partial void ReadFailed(ILogger logger, TimeSpan delay, Exception exception);

    [LoggerMessage(101, LogLevel.Information, "Took over {Count} webhook deliveries of partition {Partition} left unacknowledged by a stopped or stalled consumer.")]
    public static partial void TookOver(ILogger logger, int count, string partition);

    [LoggerMessage(102, LogLevel.Warning, "Acknowledging {Count} webhook deliveries in Redis failed (the first: {EventType} {EventId}, receiver {Receiver}); they stay pending and are retried.")]
    public static partial void AcknowledgeFailed(ILogger logger, string receiver, string eventType, string eventId, int count, Exception exception);

    [LoggerMessage(103, LogLevel.Error, "Dead-letter stream of partition {Partition} is full ({Capacity}); evicted the {Count} oldest dead letters.")]
    public static partial void DeadLettersEvicted(ILogger logger, string partition, int capacity, long count);

    [LoggerMessage(104, LogLevel.Warning, "Renewing {Count} webhook deliveries in hand in Redis failed; if this lasts longer than the visibility timeout, other instances take them over.")]
    public static partial void RenewFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(105, LogLevel.Information, "Durable webhook queue stopped reading from Redis; {Count} deliveries in hand are handled before shutdown or left pending for other instances.")]
    public static partial void ReaderStopped(ILogger logger, int count);

    [LoggerMessage(106, LogLevel.Error, "Webhook stream entry {EntryId} of partition {Partition} is not a delivery WebhookKit can read; it is removed.")]
    public static partial void UnreadableEntry(ILogger logger, string entryId, string partition, Exception exception);

    [LoggerMessage(107, LogLevel.Information, "Webhook consumer group created for partition {Partition}.")]
    public static partial void GroupCreated(ILogger logger, string partition);

    [LoggerMessage(108, LogLevel.Debug, "WebhookKit uses the IConnectionMultiplexer registered in the service collection.")]
    public static partial void UsingSharedMultiplexer(ILogger logger);

    [LoggerMessage(109, LogLevel.Debug, "WebhookKit connects to Redis with its own multiplexer (lazily; it reconnects by itself).")]
    public static partial void CreatingMultiplexer(ILogger logger);

    [LoggerMessage(110, LogLevel.Warning, "Webhook stream entry {EntryId} of partition {Partition} has no body: the consumer it was taken over from acknowledged it meanwhile, or its body key was removed (a maxmemory eviction policy other than noeviction?). It is removed, and the claims it held in flight are released so that the provider's retry is accepted.")]
    public static partial void BodyMissing(ILogger logger, string entryId, string partition);

    [LoggerMessage(111, LogLevel.Warning, "Redis maxmemory-policy is '{Policy}': under memory pressure Redis evicts idempotency claims (redeliveries are then handled again) and bodies of queued deliveries (those deliveries are lost). Set maxmemory-policy to 'noeviction' on the Redis that WebhookKit uses.")]
    public static partial void EvictionPolicy(ILogger logger, string policy);

    [LoggerMessage(112, LogLevel.Warning, "Webhook stream entry {EntryId} of partition {Partition} (event {EventId}, delivery {DeliveryId}) is superseded: its claim expired while it waited unread and another delivery of the event (or of its body) was accepted, or the event was handled, meanwhile. It is removed without running its handlers; the claims stay with the other delivery.")]
    public static partial void Superseded(ILogger logger, string entryId, string partition, string eventId, string deliveryId);

    [LoggerMessage(113, LogLevel.Warning, "The shared delivery journal dropped {Count} entries since its last report: its buffer was full (Redis slower than the traffic, or unreachable). Deliveries are unaffected; {Total} dropped in all.")]
    public static partial void JournalFull(ILogger logger, long count, long total);

    [LoggerMessage(114, LogLevel.Warning, "Writing the shared delivery journal to Redis failed: dropped {Count} entries since the last report ({Total} in all). Deliveries are unaffected.")]
    public static partial void JournalWriteFailed(ILogger logger, long count, long total, Exception? exception);

    [LoggerMessage(115, LogLevel.Warning, "The shared delivery journal stopped with {Count} entries not written to Redis within {Timeout}; they are dropped.")]
    public static partial void JournalNotFlushed(ILogger logger, long count, TimeSpan timeout);

    [LoggerMessage(116, LogLevel.Information, "Removed consumer {Consumer} from the webhook consumer group of partition {Partition}: idle for {Idle} and owning no pending delivery (a stopped instance; a live one joins again with its next read).")]
    public static partial void ConsumerRemoved(ILogger logger, string consumer, string partition, TimeSpan idle);

    [LoggerMessage(117, LogLevel.Warning, "Recording in Redis that {Count} webhook deliveries started failed; their handlers run, and the next renewal records it. Should this instance die first, a takeover does not count these attempts.")]
    public static partial void RecordStartedFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(118, LogLevel.Warning, "Removing idle consumers from the webhook consumer group of partition {Partition} failed; tried again on the next sweep.")]
    public static partial void RemoveConsumersFailed(ILogger logger, string partition, Exception exception);
}
