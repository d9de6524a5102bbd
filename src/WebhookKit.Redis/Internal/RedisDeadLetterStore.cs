using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebhookKit.Dispatch;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// The durable <see cref="IDeadLetterStore"/>: one dead-letter stream per receiver partition, next to the delivery
/// stream (same hash tag), with a hash from delivery id to entry id. Adding is idempotent per delivery id (a
/// delivery dead-lettered again after a takeover is stored once). <see cref="WebhookOptions.DeadLetterCapacity"/>
/// bounds each receiver's dead letters, not all receivers' together as in memory: each of a receiver's
/// <see cref="RedisWebhookOptions.Partitions"/> streams keeps its share (the capacity divided by the partitions,
/// rounded up), evicting its oldest with an error log line, so that one failing receiver never evicts another's.
/// A replay moves the dead letter back into its delivery stream as a new delivery holding all its claims, in one script.
/// Every script is sent again while a Redis Cluster moves its slot (<see cref="RedisSlotMigrationRetry"/>).
/// </summary>
internal sealed class RedisDeadLetterStore(
    RedisConnection connection,
    RedisKeyLayout layout,
    RedisPartitionRegistry partitions,
    RedisReaderWakeup wake,
    TimeProvider timeProvider,
    IOptions<WebhookOptions> webhookOptions,
    ILogger<RedisDeadLetterStore> logger) : IDeadLetterStore
{
    private readonly WebhookOptions _options = webhookOptions.Value;

    /// <summary>What the startup report prints.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Redis Streams (at most {_options.DeadLetterCapacity} per receiver, shared by every instance)");

    /// <summary>The dead letters each partition stream keeps: a receiver keeps at most <see cref="WebhookOptions.DeadLetterCapacity"/> (plus rounding).</summary>
    private readonly int _partitionCapacity = (int)Math.Ceiling(webhookOptions.Value.DeadLetterCapacity / (double)layout.Partitions);

    public async ValueTask AddAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var tag = layout.Tag(deadLetter.Delivery);
        // When this throws, the dispatcher leaves the delivery in its stream with its attempts recorded
        // (ICompletingWebhookQueue.KeepForTakeoverAsync), so that the takeover dead-letters it without running a handler.
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        await partitions.EnsureAsync(database, tag).ConfigureAwait(false);
        var values = new List<RedisValue>(24) { deadLetter.DeliveryId, _partitionCapacity };
        RedisEntryFormat.AddFields(values, deadLetter);
        var evicted = (long)await connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.AddDeadLetter, [layout.DeadLetters(tag), layout.DeadLetterIndex(tag)], [.. values]).ConfigureAwait(false);
        if (evicted > 0)
        {
            Log.DeadLettersEvicted(logger, tag, _partitionCapacity, evicted);
        }
    }

    public async ValueTask<IReadOnlyList<WebhookDeadLetter>> ListAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        if (maxCount == 0)
        {
            return [];
        }

        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        var tags = await partitions.GetAsync(database, force: true).ConfigureAwait(false);
        var reads = tags.Select(tag => database.StreamRangeAsync(layout.DeadLetters(tag), count: maxCount)).ToArray();
        var pages = await Task.WhenAll(reads).ConfigureAwait(false);
        return [.. pages.SelectMany(static page => page)
            .Where(static entry => !entry.IsNull)
            .Select(static entry => (Id: (string)entry.Id!, Letter: RedisEntryFormat.ReadDeadLetter(entry.Values)))
            .OrderBy(static item => item.Letter.FailedAt)
            .ThenBy(static item => item.Id, StringComparer.Ordinal)
            .Take(maxCount)
            .Select(static item => item.Letter)];
    }

    public async ValueTask<WebhookDeadLetter?> GetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(deliveryId).ConfigureAwait(false);
        return found?.Letter;
    }

    public async ValueTask<bool> DeleteAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(deliveryId).ConfigureAwait(false);
        if (found is null)
        {
            return false;
        }

        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        var tag = found.Value.Tag;
        var deleted = (int)await connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.DeleteDeadLetter, [layout.DeadLetters(tag), layout.DeadLetterIndex(tag)], [deliveryId]).ConfigureAwait(false);
        return deleted == 1;
    }

    public async ValueTask<DeadLetterReplayResult> ReplayAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var found = await FindAsync(deliveryId).ConfigureAwait(false);
        if (found is null)
        {
            return DeadLetterReplayResult.NotFound;
        }

        var original = found.Value.Letter.Delivery;
        var replay = new WebhookDelivery(
            Guid.CreateVersion7(timeProvider.GetUtcNow()).ToString("N"),
            original.ReceiverName,
            original.Provider,
            original.EventType,
            original.EventId,
            original.ReceivedAt,
            original.Body,
            original.Payload,
            original.Headers)
        {
            TraceParent = original.TraceParent,
            ReplayKey = original.ReplayKey,
            ReplayOf = original.DeliveryId,
        };

        var tag = found.Value.Tag;
        var values = new List<RedisValue>(24)
        {
            replay.DeliveryId,
            RedisIdempotencyStore.Milliseconds(_options.LeaseDuration),
            _options.QueueCapacity,
            _options.QueueMaxBytes,
            replay.Size,
            RedisKeyLayout.Group,
            deliveryId,
        };
        RedisEntryFormat.AddFields(values, replay);
        RedisKey[] keys = [layout.Stream(tag), layout.Bytes(tag), layout.DeadLetters(tag), layout.DeadLetterIndex(tag), .. layout.ClaimKeys(tag, replay)];
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        var result = RedisClaimCodes.ToReplayResult(RedisClaimCodes.Of(await connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.Replay, keys, [.. values]).ConfigureAwait(false)));
        if (result == DeadLetterReplayResult.Replayed)
        {
            wake.Signal(); // This instance's reader may take it at once.
        }

        return result;
    }

    private async ValueTask<(string Tag, WebhookDeadLetter Letter)?> FindAsync(string deliveryId)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        var database = await connection.GetDatabaseAsync().ConfigureAwait(false);
        var tags = await partitions.GetAsync(database, force: true).ConfigureAwait(false);
        var lookups = tags.Select(tag => database.HashGetAsync(layout.DeadLetterIndex(tag), deliveryId)).ToArray();
        var entryIds = await Task.WhenAll(lookups).ConfigureAwait(false);
        for (var i = 0; i < tags.Length; i++)
        {
            if (entryIds[i].IsNull)
            {
                continue;
            }

            var entries = await database.StreamRangeAsync(layout.DeadLetters(tags[i]), entryIds[i], entryIds[i], count: 1).ConfigureAwait(false);
            if (entries.Length == 1 && !entries[0].IsNull)
            {
                return (tags[i], RedisEntryFormat.ReadDeadLetter(entries[0].Values));
            }
        }

        return null;
    }
}
