using System.Collections.Concurrent;
using System.Threading.Channels;
using StackExchange.Redis;
using WebhookKit.Dispatch;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Claims and appends deliveries in batches: those that arrive while earlier batches are in flight go to Redis
/// together, per partition one <c>MULTI</c>/<c>EXEC</c> with a plain <c>SET</c> per body and one
/// <see cref="RedisScripts.ClaimAndEnqueueBatch"/>. Each delivery is still claimed and appended atomically, in arrival
/// order, and answered only after Redis confirmed it; a batch shares the per-call cost of a script run in Redis and of
/// a round trip in StackExchange.Redis. Under light load a batch is one delivery and nothing waits. A batch's partitions
/// are sent together; one that a Redis Cluster refuses while its slot moves is sent again (<see cref="RedisSlotMigrationRetry"/>)
/// after the batch has given its place to the next.
/// </summary>
internal sealed class RedisAppendBatcher : IAsyncDisposable
{
    private const int MaxDeliveriesPerBatch = 64;
    private const long MaxBytesPerBatch = 1024 * 1024;

    /// <summary>How long a body written ahead of its script lives if the script does not keep it.</summary>
    private static readonly TimeSpan UnconfirmedBodyExpiry = TimeSpan.FromMinutes(5);

    /// <summary>One batch runs in Redis while the next travels and the one after collects arrivals.</summary>
    private const int MaxBatchesInFlight = 2;

    private readonly RedisConnection _connection;
    private readonly RedisKeyLayout _layout;
    private readonly RedisPartitionRegistry _partitions;
    private readonly WebhookOptions _webhookOptions;
    private readonly RedisAppendedDeliveries _appended;
    private readonly Channel<PendingAppend> _pending = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly SemaphoreSlim _slots = new(MaxBatchesInFlight, MaxBatchesInFlight);
    private readonly ConcurrentDictionary<Task, byte> _sending = new();
    private readonly Lock _startGate = new();
    private Task? _loop;

    public RedisAppendBatcher(RedisConnection connection, RedisKeyLayout layout, RedisPartitionRegistry partitions, WebhookOptions webhookOptions, RedisAppendedDeliveries appended)
    {
        _connection = connection;
        _layout = layout;
        _partitions = partitions;
        _webhookOptions = webhookOptions;
        _appended = appended;
    }

    /// <summary>
    /// Claims the delivery's keys (with a replay key, both, or neither) for <paramref name="owner"/> (none when empty)
    /// and appends it to the partition of <see cref="RedisKeyLayout.Tag(WebhookDelivery)"/>. Returns done (enqueued),
    /// duplicate, in flight, full or replay (<see cref="RedisClaimCode"/>), or <see cref="RedisClaimCode.Closed"/>
    /// when disposed; throws when the outcome is unknown.
    /// </summary>
    public Task<RedisClaimCode> AppendAsync(WebhookDelivery delivery, string owner, TimeSpan lease)
    {
        var pending = new PendingAppend(delivery, owner, RedisIdempotencyStore.Milliseconds(lease));
        if (!_pending.Writer.TryWrite(pending))
        {
            return Task.FromResult(RedisClaimCode.Closed);
        }

        EnsureStarted();
        return pending.Result.Task;
    }

    /// <summary>Refuses new appends; those already taken are still sent.</summary>
    public void Complete() => _pending.Writer.TryComplete();

    /// <summary>Refuses new appends and waits for those already taken to be answered.</summary>
    public async ValueTask DisposeAsync()
    {
        Complete();
        Task? loop;
        lock (_startGate)
        {
            loop = _loop;
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        // Whatever was written after the loop ended (it cannot be, but a start may have raced the completion).
        while (_pending.Reader.TryRead(out var left))
        {
            left.Result.TrySetResult(RedisClaimCode.Closed);
        }
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _loop) is not null)
        {
            return;
        }

        lock (_startGate)
        {
            _loop ??= Task.Run(RunAsync, CancellationToken.None);
        }
    }

    private async Task RunAsync()
    {
        var reader = _pending.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await _slots.WaitAsync().ConfigureAwait(false);
            var batch = new List<PendingAppend>();
            long bytes = 0;
            while (batch.Count < MaxDeliveriesPerBatch && bytes < MaxBytesPerBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                bytes += pending.Delivery.Size;
            }

            if (batch.Count == 0)
            {
                _slots.Release();
                continue;
            }

            _ = SendAsync(batch);
        }

        // Every batch in flight answered before disposal returns, retries included.
        for (var i = 0; i < MaxBatchesInFlight; i++)
        {
            await _slots.WaitAsync().ConfigureAwait(false);
        }

        await Task.WhenAll(_sending.Keys).ConfigureAwait(false);
    }

    private async Task SendAsync(List<PendingAppend> batch)
    {
        try
        {
            var database = await _connection.GetDatabaseAsync().ConfigureAwait(false);
            var firstTries = new List<Task>();
            foreach (var partition in batch.GroupBy(pending => _layout.Tag(pending.Delivery), StringComparer.Ordinal))
            {
                var firstTry = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Track(SendPartitionAsync(database, partition.Key, [.. partition], firstTry));
                firstTries.Add(firstTry.Task);
            }

            // The batch's slot is free once each partition had its first round trip: one whose cluster slot is moving
            // retries (RedisSlotMigrationRetry) without holding up the batches behind it.
            await Task.WhenAll(firstTries).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Redis unreachable (or the connection not made): every delivery not yet answered has an unknown outcome.
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(exception);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Keeps a partition's append (with its retries) until it is answered, so that disposal waits for it.</summary>
    private void Track(Task send)
    {
        _sending.TryAdd(send, 0);
        _ = send.ContinueWith(static (sent, sending) => ((ConcurrentDictionary<Task, byte>)sending!).TryRemove(sent, out _), _sending, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Claims and appends one partition's deliveries and answers them; <paramref name="firstTry"/> completes after the first round trip.</summary>
    private async Task SendPartitionAsync(IDatabase database, string tag, PendingAppend[] partition, TaskCompletionSource firstTry)
    {
        // Copies for this instance's reader, made before the transaction is sent: a reader that reads the new entries
        // before this batch's answer is processed finds them (and the request returns its buffer once answered).
        foreach (var pending in partition)
        {
            _appended.Add(pending.Delivery);
        }

        try
        {
            await _partitions.EnsureAsync(database, tag).ConfigureAwait(false);
            var results = await _connection.SlotMigrationRetry.ExecuteAsync(
                static call => call.Self.AppendOnceAsync(call.Database, call.Tag, call.Partition, call.FirstTry),
                (Self: this, Database: database, Tag: tag, Partition: partition, FirstTry: firstTry)).ConfigureAwait(false);
            for (var i = 0; i < partition.Length; i++)
            {
                var result = (RedisClaimCode)results[i];
                if (result != RedisClaimCode.Done)
                {
                    _appended.Drop(partition[i].Delivery.DeliveryId); // Not appended: nobody will read it.
                }

                partition[i].Result.TrySetResult(result);
            }
        }
        catch (Exception exception)
        {
            foreach (var pending in partition)
            {
                _appended.Drop(pending.Delivery.DeliveryId); // Outcome unknown: if it was appended, it is read from Redis.
                pending.Result.TrySetException(exception);
            }
        }
        finally
        {
            firstTry.TrySetResult();
        }
    }

    /// <summary>One round trip: the bodies' <c>SET</c>s and <see cref="RedisScripts.ClaimAndEnqueueBatch"/> in one <c>MULTI</c>/<c>EXEC</c>.</summary>
    private async ValueTask<int[]> AppendOnceAsync(IDatabase database, string tag, PendingAppend[] partition, TaskCompletionSource firstTry)
    {
        try
        {
            var keys = new List<RedisKey>(2 + (3 * partition.Length)) { _layout.Stream(tag), _layout.Bytes(tag) };
            var values = new List<RedisValue>(3 + (partition.Length * 14))
            {
                _webhookOptions.QueueCapacity,
                _webhookOptions.QueueMaxBytes,
                RedisKeyLayout.Group,
            };

            // The bodies go in as plain SETs, the script keeps those it appended: a body passed to Lua would cost
            // Redis ~10 µs per 10 KB. MULTI/EXEC makes the SETs and the script one atomic step; the expiry removes the
            // bodies by themselves should the script fail.
            var transaction = database.CreateTransaction();
            foreach (var pending in partition)
            {
                var delivery = pending.Delivery;
                var bodyKey = _layout.Body(tag, delivery.DeliveryId);
                keys.Add(bodyKey);
                // Both claims of a delivery with a replay key, claimed together (none when enqueued without claiming).
                RedisKey[] claims = pending.Owner.Length == 0 ? [] : _layout.ClaimKeys(tag, delivery);
                keys.AddRange(claims);
                _ = transaction.StringSetAsync(bodyKey, delivery.Body, UnconfirmedBodyExpiry, When.Always, CommandFlags.FireAndForget);
                values.Add(pending.Owner);
                values.Add(pending.LeaseMilliseconds);
                values.Add(delivery.Size);
                values.Add(claims.Length);
                var countAt = values.Count;
                values.Add(0); // The number of field/value items, known once they are added.
                RedisEntryFormat.AddFields(values, delivery, includeBody: false);
                values[countAt] = values.Count - countAt - 1;
            }

            var script = transaction.ScriptEvaluateAsync(RedisScripts.ClaimAndEnqueueBatch, [.. keys], [.. values]);
            if (!await transaction.ExecuteAsync().ConfigureAwait(false))
            {
                throw new RedisException("The claim-and-append transaction was not executed.");
            }

            var results = (int[]?)await script.ConfigureAwait(false);
            if (results is null || results.Length != partition.Length)
            {
                throw new RedisException("The claim-and-append script answered an unexpected number of results.");
            }

            return results;
        }
        finally
        {
            firstTry.TrySetResult();
        }
    }

    /// <summary>One delivery waiting for its batch; answered on the thread pool, not on the batch's thread.</summary>
    private sealed class PendingAppend(WebhookDelivery delivery, string owner, long leaseMilliseconds)
    {
        public WebhookDelivery Delivery { get; } = delivery;

        public string Owner { get; } = owner;

        public long LeaseMilliseconds { get; } = leaseMilliseconds;

        public TaskCompletionSource<RedisClaimCode> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
