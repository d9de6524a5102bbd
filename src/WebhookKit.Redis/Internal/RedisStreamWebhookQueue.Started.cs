using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Recording that a delivery's handler starts, so that a takeover counts as attempts only deliveries whose handler
/// started: before <see cref="DequeueAsync"/> hands an entry to a worker, its delivery count is raised to 1 + its previous
/// attempts + 1 with <see cref="RedisScripts.Renew"/>. Entries read ahead and never dequeued keep the count they were read
/// with. Workers that dequeue while a recording is on its way share the next one (one script per partition), so under
/// load the recordings are batched like the acknowledgements. Only a worker given an entry taken over waits for the
/// record (see <see cref="RecordStartedAsync"/>).
/// </summary>
internal sealed partial class RedisStreamWebhookQueue
{
    private readonly Lock _startsGate = new();
    private List<InHand> _starts = [];
    private TaskCompletionSource _startsRecorded = NewStartsRound();
    private bool _recordingStarts;
    private Task _startsLoop = Task.CompletedTask;

    /// <summary>
    /// Records the start in the background; for an entry taken over, completes only once Redis recorded it, or failed to
    /// (logged; the next renewal records it again). A delivery taken over may be one that killed its last consumer as
    /// soon as its handler started: waiting makes sure such a delivery still runs out of attempts. A new one is not
    /// waited for, since a round trip before every handler made the consumer, not the receive path, the limit of a busy
    /// instance; should its process die within that round trip, that one attempt goes uncounted, and its next consumer
    /// (having taken it over) waits.
    /// </summary>
    private ValueTask RecordStartedAsync(WebhookDelivery delivery)
    {
        // No attempt left: the dispatcher dead-letters it without running a handler, and the recorded attempts stay.
        if (delivery.PreviousAttempts >= _webhookOptions.MaxAttempts || !_inHand.TryGetValue(delivery, out var entry))
        {
            return ValueTask.CompletedTask;
        }

        Volatile.Write(ref entry.StartedCount, delivery.PreviousAttempts + 2);
        Task recorded;
        lock (_startsGate)
        {
            _starts.Add(entry);
            recorded = _startsRecorded.Task;
            if (!_recordingStarts)
            {
                _recordingStarts = true;
                _startsLoop = Task.Run(RecordStartsAsync);
            }
        }

        return entry.TakenOver ? new ValueTask(recorded) : ValueTask.CompletedTask;
    }

    /// <summary>Waits for the starts recorded in the background (at disposal: a graceful stop leaves them recorded).</summary>
    private Task FlushStartsAsync()
    {
        lock (_startsGate)
        {
            return _startsLoop;
        }
    }

    /// <summary>Sends the starts collected so far, round after round, until none is left.</summary>
    private async Task RecordStartsAsync()
    {
        while (true)
        {
            List<InHand> batch;
            TaskCompletionSource round;
            lock (_startsGate)
            {
                if (_starts.Count == 0)
                {
                    _recordingStarts = false;
                    return;
                }

                (batch, _starts) = (_starts, []);
                (round, _startsRecorded) = (_startsRecorded, NewStartsRound());
            }

            try
            {
                var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
                var calls = new List<Task>();
                foreach (var group in batch.GroupBy(static entry => entry.Tag, StringComparer.Ordinal))
                {
                    foreach (var chunk in group.Chunk(RenewBatch))
                    {
                        // Renew without claims (c = 0): the entry's idle time is reset and its delivery count raised.
                        var values = new List<RedisValue>(3 + (4 * chunk.Length)) { RedisKeyLayout.Group, _consumer, 0 };
                        foreach (var entry in chunk)
                        {
                            values.Add(entry.EntryId);
                            values.Add(string.Empty);
                            values.Add(0);
                            values.Add(Volatile.Read(ref entry.StartedCount));
                        }

                        calls.Add(_connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.Renew, [_layout.Stream(group.Key)], [.. values]).AsTask());
                    }
                }

                await Task.WhenAll(calls).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Log.RecordStartedFailed(_logger, batch.Count, exception);
            }

            round.TrySetResult();
        }
    }

    private static TaskCompletionSource NewStartsRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
