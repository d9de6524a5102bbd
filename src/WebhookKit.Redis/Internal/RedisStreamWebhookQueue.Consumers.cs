using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Removing the consumers that stopped instances leave in the group (every deploy adds new ones): idle past
/// <see cref="RedisWebhookOptions.IdleConsumerTimeout"/> and owning no pending entry (<see cref="RedisScripts.RemoveIdleConsumers"/>).
/// </summary>
internal sealed partial class RedisStreamWebhookQueue
{
    /// <summary>Consumers removed per partition per sweep: bounds the time one script holds Redis.</summary>
    private const int MaxConsumersRemoved = 100;

    /// <summary>Runs on the reader's loop, every <see cref="_consumerSweepInterval"/>; a failure is logged and never stops reading.</summary>
    private async ValueTask RemoveIdleConsumersAsync(IDatabase database, string[] tags)
    {
        var idle = RedisIdempotencyStore.Milliseconds(_options.IdleConsumerTimeout);
        foreach (var tag in tags)
        {
            RedisResult reply;
            try
            {
                reply = await _connection.SlotMigrationRetry.EvaluateAsync(
                    database,
                    RedisScripts.RemoveIdleConsumers,
                    [_layout.Stream(tag)],
                    [RedisKeyLayout.Group, _consumer, idle, MaxConsumersRemoved]).ConfigureAwait(false);
            }
            catch (RedisServerException exception) when (exception.Message.Contains("NOGROUP", StringComparison.Ordinal) || exception.Message.Contains("no such key", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            catch (Exception exception)
            {
                Log.RemoveConsumersFailed(_logger, tag, exception);
                return; // Tried again on the next sweep.
            }

            foreach (var removed in (RedisResult[])reply!)
            {
                var item = (RedisResult[])removed!;
                Log.ConsumerRemoved(_logger, (string)item[0]!, tag, TimeSpan.FromMilliseconds((long)item[1]));
            }
        }
    }
}
