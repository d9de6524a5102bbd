using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>Acknowledging: completing the claims and deleting the entries in batches, or leaving an entry pending with its attempts recorded.</summary>
internal sealed partial class RedisStreamWebhookQueue
{
    /// <summary>
    /// Completes and acknowledges what the dispatcher acknowledged, in batches (one script per partition per round),
    /// retrying with backoff while Redis is unreachable. Runs until disposal, then gives the rest one last try.
    /// </summary>
    private async Task AcknowledgeLoopAsync()
    {
        var reader = _acknowledgements.Reader;
        var batch = new List<WebhookDelivery>();
        var retryDelay = _options.PollInterval;
        while (true)
        {
            var more = batch.Count > 0 || await reader.WaitToReadAsync().ConfigureAwait(false);
            while (batch.Count < 1024 && reader.TryRead(out var delivery))
            {
                batch.Add(delivery);
            }

            if (batch.Count == 0)
            {
                if (!more)
                {
                    return;
                }

                continue;
            }

            var disposing = reader.Completion.IsCompleted || Volatile.Read(ref _disposed) != 0;
            try
            {
                await AcknowledgeInRedisAsync(batch).ConfigureAwait(false);
                batch.Clear();
                retryDelay = _options.PollInterval;
            }
            catch (Exception exception)
            {
                // Kept in hand (and renewed) until an acknowledgement gets through, so nobody takes them over meanwhile.
                var first = batch[0];
                Log.AcknowledgeFailed(_logger, first.ReceiverName, first.EventType, first.EventId, batch.Count, exception);
                if (disposing)
                {
                    return; // They stay pending in Redis for a takeover.
                }

                await DelayAsync(retryDelay, CancellationToken.None).ConfigureAwait(false);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
            }
        }
    }

    private async Task AcknowledgeInRedisAsync(List<WebhookDelivery> batch)
    {
        var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
        var byTag = new Dictionary<string, List<(WebhookDelivery Delivery, InHand Entry)>>(StringComparer.Ordinal);
        foreach (var delivery in batch)
        {
            if (_inHand.TryGetValue(delivery, out var entry))
            {
                if (!byTag.TryGetValue(entry.Tag, out var list))
                {
                    byTag[entry.Tag] = list = [];
                }

                list.Add((delivery, entry));
            }
        }

        var calls = new List<Task>(byTag.Count);
        foreach (var (tag, entries) in byTag)
        {
            var keys = new List<RedisKey>(2 + (entries.Count * 3)) { _layout.Stream(tag), _layout.Bytes(tag) };
            var values = new List<RedisValue>(1 + (entries.Count * 5)) { RedisKeyLayout.Group };
            foreach (var (delivery, entry) in entries)
            {
                if (Volatile.Read(ref entry.RecordedAttempts) is > 0 and var attempts)
                {
                    calls.Add(_connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.RecordAttempts, [_layout.Stream(tag)], [RedisKeyLayout.Group, _consumer, attempts, entry.EntryId]).AsTask());
                    continue;
                }

                keys.Add(_layout.Body(tag, delivery.DeliveryId));
                keys.AddRange(entry.ClaimKeys);
                values.Add(delivery.DeliveryId);
                values.Add(Volatile.Read(ref entry.CompletionRetentionMs));
                values.Add(entry.EntryId);
                values.Add(delivery.Size);
                values.Add(entry.ClaimKeys.Length);
            }

            if (values.Count > 1)
            {
                calls.Add(_connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.CompleteAndAcknowledgeBatch, [.. keys], [.. values]).AsTask());
            }
        }

        await Task.WhenAll(calls).ConfigureAwait(false);
        foreach (var entries in byTag.Values)
        {
            foreach (var (delivery, entry) in entries)
            {
                ReleaseHeld(delivery, entry);
            }
        }
    }

    /// <summary>
    /// Completes the delivery's claims (all of them, both with a replay key) and acknowledges it in one script, batched
    /// in the background (<see cref="AcknowledgeLoopAsync"/>); until Redis confirms it stays in hand, and renewed.
    /// </summary>
    public ValueTask CompleteAndAcknowledgeAsync(WebhookDelivery delivery, TimeSpan retention, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (_inHand.TryGetValue(delivery, out var entry))
        {
            Volatile.Write(ref entry.CompletionRetentionMs, RedisIdempotencyStore.Milliseconds(retention));

            // Handled: its body is read no more (RawBody is valid until the handler's task completes), as the in-memory
            // queue returns its pooled bodies at acknowledgement. The acknowledgement needs only its ids and size.
            entry.Appended?.Return();
        }

        return AcknowledgeAsync(delivery, cancellationToken);
    }

    /// <summary>
    /// Leaves a delivery whose dead letter could not be stored pending in Redis with its delivery count set to
    /// <paramref name="attempts"/> (<see cref="RedisScripts.RecordAttempts"/>), so that the takeover dead-letters it
    /// without running a handler; its claims stay.
    /// </summary>
    public ValueTask KeepForTakeoverAsync(WebhookDelivery delivery, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (_inHand.TryGetValue(delivery, out var entry))
        {
            Volatile.Write(ref entry.RecordedAttempts, Math.Max(1, attempts));
        }

        return AcknowledgeAsync(delivery, cancellationToken);
    }

    /// <summary>Forgets a delivery this instance no longer holds (acknowledged in Redis, or left pending there).</summary>
    private void ReleaseHeld(WebhookDelivery delivery, InHand entry)
    {
        if (_inHand.TryRemove(delivery, out _))
        {
            _inHandIds.TryRemove(entry.InHandId, out _);
            Interlocked.Decrement(ref _held);
        }
    }

    /// <summary>A delivery read from a stream and not yet acknowledged.</summary>
    private sealed class InHand(string tag, string entryId, string inHandId, string idempotencyKey, RedisKey[] claimKeys)
    {
        /// <summary>The attempts made when its dead letter could not be stored (its acknowledgement records them); 0 otherwise.</summary>
        public int RecordedAttempts;

        /// <summary>The claim's retention in ms once the dispatcher completed it (deferred to the acknowledgement); 0 before.</summary>
        public long CompletionRetentionMs;

        /// <summary>1 once the dispatcher acknowledged it.</summary>
        public int Acknowledged;

        /// <summary>0 until a worker dequeued it; then the delivery count that records its handler as started (<see cref="RedisScripts.TakeOver"/>).</summary>
        public int StartedCount;

        public string Tag { get; } = tag;

        /// <summary>Gets whether it was taken over from another consumer (<see cref="RecordStartedAsync"/> waits for its record).</summary>
        public bool TakenOver { get; init; }

        /// <summary>Gets this instance's copy of what it appended, when the delivery is that copy (its body's buffer is pooled).</summary>
        public RedisAppendedDeliveries.Appended? Appended { get; init; }

        public string EntryId { get; } = entryId;

        public string InHandId { get; } = inHandId;

        public string IdempotencyKey { get; } = idempotencyKey;

        /// <summary>The Redis keys of its claims in its partition: its event id's, then its replay key's when it has one.</summary>
        public RedisKey[] ClaimKeys { get; } = claimKeys;
    }
}
