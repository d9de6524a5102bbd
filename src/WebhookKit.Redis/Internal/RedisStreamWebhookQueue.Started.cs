using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Recording that a delivery's handler starts, so that a takeover counts as attempts only deliveries whose handler
/// started: before <see cref="DequeueAsync"/> hands an entry to a worker, its delivery count is raised to 1 + its previous
/// attempts + 1 with <see cref="RedisScripts.RecordStarted"/>. Entries read ahead and never dequeued keep the count they were read
/// with. Workers that dequeue while a recording is on its way share the next one (one script per partition), so under
/// load the recordings are batched like the acknowledgements, and leave out the entries acknowledged by then. Only a
/// worker given an entry taken over waits for the record (see <see cref="RecordStartedAsync"/>).
/// </summary>
internal sealed partial class RedisStreamWebhookQueue
{
    private readonly Lock _startsGate = new();
    private List<InHand> _starts = [];
    private TaskCompletionSource _startsRecorded = NewStartsRound();
    private TaskCompletionSource? _startsInFlight;
    private bool _recordingStarts;

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
        bool start;
        lock (_startsGate)
        {
            _starts.Add(entry);
            recorded = _startsRecorded.Task;
            start = !_recordingStarts;
            _recordingStarts = true;
        }

        if (start)
        {
            // Here, not on the thread pool: the script is queued on the connection before the handler's own commands.
            _ = RecordStartsAsync();
        }

        return entry.TakenOver ? new ValueTask(recorded) : ValueTask.CompletedTask;
    }

    /// <summary>Waits for the starts still being recorded (at disposal: a graceful stop leaves them recorded).</summary>
    private async Task FlushStartsAsync()
    {
        while (true)
        {
            Task round;
            lock (_startsGate)
            {
                if (!_recordingStarts)
                {
                    return;
                }

                round = _starts.Count > 0 ? _startsRecorded.Task : _startsInFlight!.Task;
            }

            await round.ConfigureAwait(false);
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
                    _startsInFlight = null;
                    return;
                }

                (batch, _starts) = (_starts, []);
                (round, _startsRecorded) = (_startsRecorded, NewStartsRound());
                _startsInFlight = round;
            }

            try
            {
                var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
                var calls = new List<Task>();
                // Those acknowledged meanwhile are left out: their handlers ran to the end, and what they were left for
                // is counted by the acknowledgement (or, after their last attempt, by RecordAttempts). Under load most
                // handlers finish within the round trip that recorded the previous batch, so this saves most runs.
                foreach (var group in batch.Where(static entry => Volatile.Read(ref entry.Acknowledged) == 0).GroupBy(static entry => entry.Tag, StringComparer.Ordinal))
                {
                    foreach (var chunk in group.Chunk(RenewBatch))
                    {
                        var (first, last) = (chunk[0].EntryId, chunk[0].EntryId);
                        var values = new List<RedisValue>(4 + (2 * chunk.Length)) { RedisKeyLayout.Group, _consumer, RedisValue.Null, RedisValue.Null };
                        foreach (var entry in chunk)
                        {
                            first = CompareIds(entry.EntryId, first) < 0 ? entry.EntryId : first;
                            last = CompareIds(entry.EntryId, last) > 0 ? entry.EntryId : last;
                            values.Add(entry.EntryId);
                            values.Add(Volatile.Read(ref entry.StartedCount));
                        }

                        (values[2], values[3]) = (first, last);
                        calls.Add(_connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.RecordStarted, [_layout.Stream(group.Key)], [.. values]).AsTask());
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

    /// <summary>Orders two stream entry ids (<c>ms-seq</c>) as Redis does.</summary>
    private static int CompareIds(string left, string right)
    {
        static (ulong Ms, ulong Seq) Parse(string id)
        {
            var dash = id.IndexOf('-', StringComparison.Ordinal);
            return dash < 0
                ? (ulong.Parse(id, System.Globalization.CultureInfo.InvariantCulture), 0)
                : (ulong.Parse(id.AsSpan(0, dash), System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(id.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture));
        }

        return Parse(left).CompareTo(Parse(right));
    }

    private static TaskCompletionSource NewStartsRound() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
