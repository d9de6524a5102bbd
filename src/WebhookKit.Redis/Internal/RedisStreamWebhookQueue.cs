using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebhookKit.Dispatch;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// The durable <see cref="IWebhookQueue"/>: one Redis stream per receiver partition, read by every instance
/// through the consumer group <c>webhookkit</c>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>The receive path claims the idempotency keys (with a replay key, both, in the partition of its body digest:
/// <see cref="RedisKeyLayout"/>) and appends the delivery in one atomic round trip: a
/// <c>MULTI</c>/<c>EXEC</c> that sets the body's key and runs a Lua script (<see cref="TryClaimAndEnqueueAsync"/>); the
/// provider gets its 200 only after Redis answered. Deliveries that arrive together share the round trip
/// (<see cref="RedisAppendBatcher"/>), each still claimed and appended atomically. Readers fetch the bodies with
/// <c>MGET</c>, but for the entries this instance appended itself and reads back new: it kept a copy of those
/// (<see cref="RedisAppendedDeliveries"/>).</item>
/// <item>A reader loop fetches up to <see cref="RedisWebhookOptions.PrefetchCount"/> entries with <c>XREADGROUP</c>
/// into a local buffer that the dispatcher's workers dequeue from. Entries in hand are renewed every third of the
/// visibility timeout, and with them, atomically, the claims their deliveries hold, for
/// <see cref="WebhookOptions.LeaseDuration"/> (<see cref="RedisScripts.Renew"/>): a claim expires only once no instance
/// holds its entry, whether it is queued, handled or waiting for a retry. Entries another consumer left idle longer
/// than the visibility timeout are taken over with <c>XAUTOCLAIM</c>; an entry's delivery count is 1 + the attempts started
/// on it (raised as a worker gets it: <see cref="RecordStartedAsync"/>), so an entry read ahead by a consumer that
/// died before its handler started is taken over with no attempt used (<see cref="WebhookDelivery.PreviousAttempts"/>).
/// Consumers idle past <see cref="RedisWebhookOptions.IdleConsumerTimeout"/> that own no pending entry are removed from
/// the group (<see cref="RemoveIdleConsumersAsync"/>).</item>
/// <item>An entry may wait unread for longer than the lease (a backlog, a takeover): the claims of entries read are
/// renewed, or re-taken when they expired, in the round trip of the bodies' <c>MGET</c>
/// (<see cref="RedisScripts.RenewOnRead"/>), unless the entry was read new within the fresh-read window of its append
/// (on Redis's clock, <see cref="RedisScripts.Clock"/>), when its claims are still its append's. An entry whose event
/// another delivery claimed meanwhile, or that was handled, is superseded: removed without running, its claims left to
/// the other delivery (log event 112).</item>
/// <item>Acknowledging completes the claims and does <c>XACK</c> + <c>XDEL</c> in one script, batched per partition by
/// a background loop (the dispatcher's worker moves on at once; the entry stays pending, and renewed, until Redis
/// confirmed). A stream holds exactly its unacknowledged entries, bounded by <see cref="WebhookOptions.QueueCapacity"/> and <see cref="WebhookOptions.QueueMaxBytes"/>
/// per partition: memory stays bounded and nothing unacknowledged is ever trimmed.</item>
/// <item>On Redis Cluster every partition's keys share one slot (<see cref="RedisKeyLayout"/>); a script or <c>MGET</c> that
/// the cluster refuses while that slot moves between masters is sent again (<see cref="RedisSlotMigrationRetry"/>), and a
/// best-effort removal that it refuses is done by the next takeover of its entry.</item>
/// <item><see cref="Close"/> stops reading; what is in hand is still dequeued and handled, and whatever is not
/// acknowledged when the process ends stays pending for another instance to take over.</item>
/// </list>
/// <see cref="Count"/> and <see cref="Bytes"/> are this instance's: deliveries read and not yet acknowledged by the dispatcher.
/// Split by concern: reading and takeover in <c>.Read.cs</c>, acknowledgement in <c>.Acknowledge.cs</c>, starting and stopping in <c>.Lifecycle.cs</c>,
/// renewal in <c>.Leases.cs</c>, recording started handlers in <c>.Started.cs</c>, removing idle consumers in <c>.Consumers.cs</c>.
/// </remarks>
internal sealed partial class RedisStreamWebhookQueue : IWebhookQueue, IClaimingWebhookQueue, ICompletingWebhookQueue, IHealthCheck, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(2);

    private readonly RedisConnection _connection;
    private readonly RedisKeyLayout _layout;
    private readonly RedisPartitionRegistry _partitions;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RedisStreamWebhookQueue> _logger;
    private readonly WebhookOptions _webhookOptions;
    private readonly RedisWebhookOptions _options;
    private readonly string _consumer;
    private readonly int _prefetch;
    private readonly int _refill;
    private readonly TimeSpan _renewInterval;
    private readonly long _freshReadWindowMs;
    private readonly TimeSpan _takeOverInterval;
    private readonly TimeSpan _consumerSweepInterval;
    private readonly RedisAppendBatcher _appender;
    private readonly RedisAppendedDeliveries _appended;
    private readonly RedisServerHealth _health;

    private readonly Channel<WebhookDelivery> _buffer = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = true });
    private readonly ConcurrentDictionary<WebhookDelivery, InHand> _inHand = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, byte> _inHandIds = new(StringComparer.Ordinal);
    private readonly Channel<WebhookDelivery> _acknowledgements = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly Dictionary<string, RedisValue> _takeOverCursors = new(StringComparer.Ordinal);
    private readonly RedisReaderWakeup _wake;
    private readonly CancellationTokenSource _stopReading = new();
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Lock _startGate = new();
    private Task? _reader;
    private Task? _renewer;
    private Task? _acknowledger;
    private volatile bool _closed;
    private int _disposed;
    private int _count;
    private long _bytes;
    private int _held;
    private int _roundRobin;

    public RedisStreamWebhookQueue(
        RedisConnection connection,
        RedisKeyLayout layout,
        RedisPartitionRegistry partitions,
        TimeProvider timeProvider,
        IOptions<WebhookOptions> webhookOptions,
        IOptions<RedisWebhookOptions> options,
        RedisServerHealth health,
        RedisReaderWakeup wake,
        ILogger<RedisStreamWebhookQueue> logger)
    {
        _health = health;
        _wake = wake;
        Capabilities = new() { ClaimAndEnqueue = this, CompleteAndAcknowledge = this, HealthCheck = this };
        _connection = connection;
        _layout = layout;
        _partitions = partitions;
        _timeProvider = timeProvider;
        _logger = logger;
        _webhookOptions = webhookOptions.Value;
        _options = options.Value;
        _consumer = _options.ConsumerName ?? $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
        // Reads are refilled a quarter at a time, one round trip each: with a small prefetch the handlers outrun the
        // reader and the stream backs up (at 4 × MaxConcurrency the receive path got 503s for its byte limit).
        _prefetch = _options.PrefetchCount ?? Math.Max(64, 16 * _webhookOptions.MaxConcurrency);
        _refill = Math.Max(1, _prefetch / 4);
        _renewInterval = _options.VisibilityTimeout / 3;
        // An entry read this soon after its append still holds the claims the append set, for at least the lease less
        // this window: more than the renewal interval after which the entries in hand renew them (LeaseDuration >
        // VisibilityTimeout is validated), so renewing them on read too would only cost Redis a script run per read.
        _freshReadWindowMs = RedisIdempotencyStore.Milliseconds(_options.FreshReadWindow
            ?? TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, (_webhookOptions.LeaseDuration - _renewInterval).Ticks / 4)));
        _takeOverInterval = TimeSpan.FromTicks(Math.Clamp(_options.VisibilityTimeout.Ticks / 2, _options.PollInterval.Ticks, TimeSpan.FromSeconds(10).Ticks));
        // A consumer is removed at most a quarter of the bound late; XINFO CONSUMERS need not run on every takeover sweep.
        _consumerSweepInterval = TimeSpan.FromTicks(Math.Clamp(_options.IdleConsumerTimeout.Ticks / 4, _options.PollInterval.Ticks, Math.Max(_options.PollInterval.Ticks, TimeSpan.FromMinutes(5).Ticks)));
        // Enough for what the reader has yet to read back of this instance's appends while it keeps up (it reads up to
        // the prefetch at a time), and a few megabytes at most whatever the bodies: beyond, bodies come from Redis.
        _appended = new RedisAppendedDeliveries(Math.Max(256, 4 * _prefetch), Math.Min(_webhookOptions.QueueMaxBytes, 8L * 1024 * 1024));
        _appender = new RedisAppendBatcher(connection, layout, partitions, _webhookOptions, _appended);
    }

    /// <summary>Gets the capabilities: the atomic claim-and-enqueue, completion with the acknowledgement, and the health of the Redis server.</summary>
    public WebhookQueueCapabilities Capabilities { get; }

    public int Count => Volatile.Read(ref _count);

    public long Bytes => Interlocked.Read(ref _bytes);

    internal string ConsumerName => _consumer;

    /// <summary>What the startup report prints: durable, with this instance's consumer name.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Redis Streams, durable (consumer {_consumer} in group {RedisKeyLayout.Group}, {_layout.Partitions} partitions per receiver)");

    /// <summary>Gets the number of entries this instance holds in Redis (read, acknowledgement not yet confirmed).</summary>
    internal int Held => Volatile.Read(ref _held);

    public async ValueTask<WebhookClaimAndEnqueueResult> TryClaimAndEnqueueAsync(WebhookDelivery delivery, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (_closed)
        {
            return WebhookClaimAndEnqueueResult.Closed;
        }

        return RedisClaimCodes.ToClaimAndEnqueueResult(await AppendAsync(delivery, delivery.DeliveryId, lease).ConfigureAwait(false));
    }

    public async ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (_closed)
        {
            return WebhookEnqueueResult.Closed;
        }

        // Without claiming: the caller holds the claim (the two-step path of a custom setup).
        return RedisClaimCodes.ToEnqueueResult(await AppendAsync(delivery, string.Empty, TimeSpan.Zero).ConfigureAwait(false));
    }

    /// <summary>Unhealthy when Redis cannot be reached, Degraded when it may evict queued deliveries (<see cref="RedisServerHealth"/>).</summary>
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        _health.CheckAsync(cancellationToken);

    public async ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken)
    {
        EnsureStarted();

        // ReadAsync wakes one waiting worker per entry, where WaitToReadAsync would wake them all.
        WebhookDelivery delivery;
        try
        {
            delivery = await _buffer.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            return null; // Closed and drained.
        }

        // Its handler starts once this returns: recorded in Redis, so that a takeover counts it as an attempt.
        await RecordStartedAsync(delivery).ConfigureAwait(false);
        return delivery;
    }

    public ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!_inHand.TryGetValue(delivery, out var entry) || Interlocked.Exchange(ref entry.Acknowledged, 1) != 0)
        {
            return ValueTask.CompletedTask;
        }

        var count = Interlocked.Decrement(ref _count);
        Interlocked.Add(ref _bytes, -delivery.Size);
        if (_prefetch - count == _refill)
        {
            Wake(); // Room for a batch: the reader may be waiting for it.
        }

        // Acknowledged in Redis by the background loop; or, when its dead letter could not be stored (KeepForTakeoverAsync), left
        // pending there with its attempts recorded, so that the takeover dead-letters it without running a handler.
        if (!_acknowledgements.Writer.TryWrite(delivery))
        {
            ReleaseHeld(delivery, entry); // Disposed: it stays pending in Redis for a takeover.
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask<RedisClaimCode> AppendAsync(WebhookDelivery delivery, string owner, TimeSpan lease)
    {
        var result = await _appender.AppendAsync(delivery, owner, lease).ConfigureAwait(false);
        if (result == RedisClaimCode.Done)
        {
            Wake();
        }

        return result;
    }
}
