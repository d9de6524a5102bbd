using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Renewal: keeping the entries in hand from being taken over, and their claims from expiring while they are queued,
/// handled or waiting for a retry (<see cref="RedisScripts.Renew"/>); and renewing the claims of entries as they are
/// read, which may have waited unread for longer than the lease (<see cref="RedisScripts.RenewOnRead"/>).
/// </summary>
internal sealed partial class RedisStreamWebhookQueue
{
    /// <summary>Entries per renewal script: bounds the time one script holds Redis, and its argument count.</summary>
    private const int RenewBatch = 512;

    /// <summary>Renews the entries in hand and their claims every third of the visibility timeout.</summary>
    private async Task RenewLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_renewInterval, _timeProvider, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var byTag = _inHand.GroupBy(static pair => pair.Value.Tag, StringComparer.Ordinal).ToList();
            if (byTag.Count == 0)
            {
                continue;
            }

            try
            {
                var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
                var lease = RedisIdempotencyStore.Milliseconds(_webhookOptions.LeaseDuration);
                var renewals = new List<Task>(byTag.Count);
                foreach (var group in byTag)
                {
                    foreach (var batch in group.Chunk(RenewBatch))
                    {
                        renewals.Add(RenewAsync(database, group.Key, batch, lease));
                    }
                }

                await Task.WhenAll(renewals).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Log.RenewFailed(_logger, Count, exception);
            }
        }
    }

    /// <summary>Renews entries of one partition in hand, with the claims their deliveries hold, in one script.</summary>
    private Task<RedisResult> RenewAsync(IDatabase database, string tag, KeyValuePair<WebhookDelivery, InHand>[] batch, long lease)
    {
        var keys = new List<RedisKey>(1 + (2 * batch.Length)) { _layout.Stream(tag) };
        var values = new List<RedisValue>(3 + (4 * batch.Length)) { RedisKeyLayout.Group, _consumer, lease };
        foreach (var (delivery, entry) in batch)
        {
            keys.AddRange(entry.ClaimKeys);
            values.Add(entry.EntryId);
            values.Add(delivery.DeliveryId);
            values.Add(entry.ClaimKeys.Length);
            values.Add(Volatile.Read(ref entry.StartedCount)); // Again: its recording may have failed (RecordStartedAsync).
        }

        return _connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.Renew, [.. keys], [.. values]).AsTask();
    }

    /// <summary>
    /// Starts renewing the claims of entries just read, before their bodies are fetched, so that both share one round
    /// trip (a body acknowledged in between is then found missing). Completes with, per entry, whether it is superseded:
    /// its event was claimed by another delivery, or handled, while it waited. Skips entries without claims (no readable
    /// delivery or event id), entries already in hand, which <see cref="RenewLoopAsync"/> renews, and entries read soon
    /// after their append (<see cref="ReadEntry.ClaimsAsAppended"/>): their claims have most of the lease left, which the
    /// entries in hand renew within a renewal interval, and nothing can have superseded them; the usual case under load,
    /// where the read's script would cost Redis a run per read and a claim written per entry.
    /// </summary>
    private Task<bool[]> StartRenewOnRead(IDatabase database, string tag, List<ReadEntry> entries)
    {
        var superseded = new bool[entries.Count];
        var lease = RedisIdempotencyStore.Milliseconds(_webhookOptions.LeaseDuration);
        var calls = new List<(Task<RedisResult> Reply, List<int> Entries)>();
        List<RedisKey> keys = [];
        List<RedisValue> values = [lease];
        List<int> batch = [];
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].ClaimsAsAppended || _inHandIds.ContainsKey(InHandId(tag, entries[i].Id)) || RedisEntryFormat.Claims(entries[i].Fields) is not { } claims)
            {
                continue;
            }

            keys.Add(_layout.Claim(tag, claims.EventId));
            if (claims.ReplayKey is { } replayKey)
            {
                keys.Add(_layout.Replay(tag, replayKey));
            }

            values.Add(claims.DeliveryId);
            values.Add(claims.ReplayKey is null ? 1 : 2);
            batch.Add(i);
            if (batch.Count == RenewBatch)
            {
                calls.Add((_connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.RenewOnRead, [.. keys], [.. values]).AsTask(), batch));
                keys = [];
                values = [lease];
                batch = [];
            }
        }

        if (batch.Count > 0)
        {
            calls.Add((_connection.SlotMigrationRetry.EvaluateAsync(database, RedisScripts.RenewOnRead, [.. keys], [.. values]).AsTask(), batch));
        }

        return calls.Count == 0 ? Task.FromResult(superseded) : CollectAsync(calls, superseded);

        static async Task<bool[]> CollectAsync(List<(Task<RedisResult> Reply, List<int> Entries)> calls, bool[] superseded)
        {
            await Task.WhenAll(calls.Select(static call => call.Reply)).ConfigureAwait(false);
            foreach (var (reply, batch) in calls)
            {
                var results = (RedisResult[])(await reply.ConfigureAwait(false))!;
                for (var j = 0; j < batch.Count; j++)
                {
                    superseded[batch[j]] = (int)results[j] == 1;
                }
            }

            return superseded;
        }
    }
}
