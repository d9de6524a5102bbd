using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Renewal: keeping the entries in hand from being taken over, and their claims from expiring while they are queued,
/// handled or waiting for a retry (<see cref="RedisScripts.Renew"/>).
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
        var values = new List<RedisValue>(3 + (3 * batch.Length)) { RedisKeyLayout.Group, _consumer, lease };
        foreach (var (delivery, entry) in batch)
        {
            keys.AddRange(entry.ClaimKeys);
            values.Add(entry.EntryId);
            values.Add(delivery.DeliveryId);
            values.Add(entry.ClaimKeys.Length);
        }

        return database.ScriptEvaluateAsync(RedisScripts.Renew, [.. keys], [.. values]);
    }
}
