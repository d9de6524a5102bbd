namespace WebhookKit.Redis.Internal;

/// <summary>
/// The reader loop: refills the local buffer in batches from the partitions' streams, takes over entries others left
/// pending and sweeps idle consumers on their intervals, and backs off while Redis cannot be reached.
/// </summary>
internal sealed partial class RedisStreamWebhookQueue
{
    private async Task ReadLoopAsync(CancellationToken stopping)
    {
        var retryDelay = _options.PollInterval;
        var nextTakeOver = _timeProvider.GetTimestamp();
        var nextConsumerSweep = nextTakeOver;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                // Refill in batches: while busy, wait until a quarter of the prefetch is free rather than read one by one.
                if (_prefetch - Count < _refill)
                {
                    await WaitForWorkAsync(stopping).ConfigureAwait(false);
                    continue;
                }

                int read;
                try
                {
                    var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
                    var tags = await _partitions.GetAsync(database).ConfigureAwait(false);
                    read = 0;
                    if (_timeProvider.GetTimestamp() >= nextTakeOver && _prefetch - Count > 0)
                    {
                        read += await TakeOverAsync(database, tags).ConfigureAwait(false);
                        nextTakeOver = _timeProvider.GetTimestamp() + (long)(_takeOverInterval.TotalSeconds * _timeProvider.TimestampFrequency);
                    }

                    if (_timeProvider.GetTimestamp() >= nextConsumerSweep)
                    {
                        await RemoveIdleConsumersAsync(database, tags).ConfigureAwait(false);
                        nextConsumerSweep = _timeProvider.GetTimestamp() + (long)(_consumerSweepInterval.TotalSeconds * _timeProvider.TimestampFrequency);
                    }

                    read += await ReadNewAsync(database, tags, stopping).ConfigureAwait(false);
                    retryDelay = _options.PollInterval;
                }
                catch (Exception exception)
                {
                    if (stopping.IsCancellationRequested)
                    {
                        break;
                    }

                    Log.ReadFailed(_logger, retryDelay, exception);
                    await DelayAsync(retryDelay, stopping).ConfigureAwait(false);
                    retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, MaxRetryDelay.Ticks));
                    continue;
                }

                if (read == 0)
                {
                    await WaitForWorkAsync(stopping).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Closed.
        }
        finally
        {
            _buffer.Writer.TryComplete();
            Log.ReaderStopped(_logger, Count);
        }
    }

    private Task WaitForWorkAsync(CancellationToken stopping) => _wake.WaitAsync(_options.PollInterval, stopping);

    private Task DelayAsync(TimeSpan delay, CancellationToken stopping) => Task.Delay(delay, _timeProvider, stopping);

    private void Wake() => _wake.Signal();
}
