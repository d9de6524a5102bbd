using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookKit.Idempotency;
using WebhookKit.Internal;

namespace WebhookKit.Dispatch;

/// <summary>
/// The default <see cref="IDeadLetterStore"/>: in memory, bounded by <see cref="WebhookOptions.DeadLetterCapacity"/>
/// per receiver; beyond it the receiver's oldest dead letter is evicted with an error log line, so one receiver that
/// floods dead letters cannot evict another's.
/// </summary>
internal sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly Lock _gate = new();
    private readonly LinkedList<Entry> _order = new();
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);

    // Same comparer as the receiver registry: receiver names are case-insensitive.
    private readonly Dictionary<string, LinkedList<Entry>> _byReceiver = new(StringComparer.OrdinalIgnoreCase);
    private readonly IWebhookQueue _queue;
    private readonly IIdempotencyStore _idempotencyStore;
    private readonly ClaimLeaseRenewer _leases;
    private readonly WebhookDeliveryFactory _deliveryFactory;
    private readonly WebhookOptions _options;
    private readonly ILogger<InMemoryDeadLetterStore> _logger;

    /// <summary>What the startup report prints.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"in memory (at most {_options.DeadLetterCapacity} per receiver)");

    public InMemoryDeadLetterStore(
        IWebhookQueue queue,
        IIdempotencyStore idempotencyStore,
        ClaimLeaseRenewer leases,
        WebhookDeliveryFactory deliveryFactory,
        IOptions<WebhookOptions> options,
        ILogger<InMemoryDeadLetterStore> logger)
    {
        _queue = queue;
        _idempotencyStore = idempotencyStore;
        _leases = leases;
        _deliveryFactory = deliveryFactory;
        _options = options.Value;
        _logger = logger;
    }

    public ValueTask AddAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        WebhookDeadLetter? evicted = null;
        lock (_gate)
        {
            if (_byId.ContainsKey(deadLetter.DeliveryId))
            {
                return ValueTask.CompletedTask;
            }

            var receiver = deadLetter.Delivery.ReceiverName;
            if (!_byReceiver.TryGetValue(receiver, out var ofReceiver))
            {
                _byReceiver[receiver] = ofReceiver = new LinkedList<Entry>();
            }

            var entry = new Entry(deadLetter);
            entry.InOrder = _order.AddLast(entry);
            entry.InReceiver = ofReceiver.AddLast(entry);
            _byId[deadLetter.DeliveryId] = entry;
            if (ofReceiver.Count > _options.DeadLetterCapacity)
            {
                var oldest = ofReceiver.First!.Value;
                RemoveLocked(oldest);
                evicted = oldest.DeadLetter;
            }
        }

        if (evicted is not null)
        {
            Log.DeadLetterEvicted(_logger, evicted.Delivery.ReceiverName, evicted.Delivery.EventType, evicted.Delivery.EventId, _options.DeadLetterCapacity);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<IReadOnlyList<WebhookDeadLetter>> ListAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxCount);
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<WebhookDeadLetter>>([.. _order.Take(maxCount).Select(static entry => entry.DeadLetter)]);
        }
    }

    public ValueTask<WebhookDeadLetter?> GetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.TryGetValue(deliveryId, out var entry) ? entry.DeadLetter : null);
        }
    }

    public ValueTask<bool> DeleteAsync(string deliveryId, CancellationToken cancellationToken) => ValueTask.FromResult(Remove(deliveryId));

    public async ValueTask<DeadLetterReplayResult> ReplayAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var deadLetter = await GetAsync(deliveryId, cancellationToken).ConfigureAwait(false);
        if (deadLetter is null)
        {
            return DeadLetterReplayResult.NotFound;
        }

        // A replay is a new delivery of the same event: it claims the key like any other delivery.
        var replay = _deliveryFactory.CreateReplay(deadLetter.Delivery);
        var claim = await _idempotencyStore.TryClaimAsync(replay.IdempotencyKeys, replay.DeliveryId, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (claim != IdempotencyClaimStatus.Claimed)
        {
            return DeadLetterReplayResult.AlreadyAccepted;
        }

        if (await _leases.EnqueueHeldAsync(_queue, replay).ConfigureAwait(false) != WebhookEnqueueResult.Enqueued)
        {
            await _idempotencyStore.ReleaseAsync(replay.IdempotencyKeys, replay.DeliveryId, cancellationToken).ConfigureAwait(false);
            return DeadLetterReplayResult.QueueUnavailable;
        }

        Remove(deliveryId);
        return DeadLetterReplayResult.Replayed;
    }

    private bool Remove(string deliveryId)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue(deliveryId, out var entry))
            {
                return false;
            }

            RemoveLocked(entry);
            return true;
        }
    }

    private void RemoveLocked(Entry entry)
    {
        _byId.Remove(entry.DeadLetter.DeliveryId);
        _order.Remove(entry.InOrder!);
        var ofReceiver = entry.InReceiver!.List!;
        ofReceiver.Remove(entry.InReceiver);
        if (ofReceiver.Count == 0)
        {
            _byReceiver.Remove(entry.DeadLetter.Delivery.ReceiverName);
        }
    }

    /// <summary>A dead letter with its places in the store's order (oldest first) and in its receiver's.</summary>
    private sealed class Entry(WebhookDeadLetter deadLetter)
    {
        public WebhookDeadLetter DeadLetter { get; } = deadLetter;

        public LinkedListNode<Entry>? InOrder { get; set; }

        public LinkedListNode<Entry>? InReceiver { get; set; }
    }
}
