using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>Renewal: keeping the entries in hand from being taken over.</summary>
internal sealed partial class RedisStreamWebhookQueue
{
    /// <summary>Renews the entries in hand every third of the visibility timeout, and retries failed acknowledgements.</summary>
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

            var byTag = _inHand.Values.GroupBy(static entry => entry.Tag, StringComparer.Ordinal).ToList();
            if (byTag.Count == 0)
            {
                continue;
            }

            try
            {
                var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
                var renewals = new List<Task>(byTag.Count);
                foreach (var group in byTag)
                {
                    var values = new List<RedisValue> { RedisKeyLayout.Group, _consumer };
                    values.AddRange(group.Select(static entry => (RedisValue)entry.EntryId));
                    renewals.Add(database.ScriptEvaluateAsync(RedisScripts.Renew, [_layout.Stream(group.Key)], [.. values]));
                }

                await Task.WhenAll(renewals).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Log.RenewFailed(_logger, Count, exception);
            }
        }
    }
}
