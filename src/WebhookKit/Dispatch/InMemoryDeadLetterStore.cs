using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookKit.Idempotency;
using WebhookKit.Internal;

namespace WebhookKit.Dispatch;

/// <summary>
/// The default <see cref="IDeadLetterStore"/>: in memory, bounded by <see cref="WebhookOptions.DeadLetterCapacity"/>;
/// beyond it the oldest dead letter is evicted with an error log line.
/// </summary>
internal sealed class InMemoryDeadLetterStore : IDeadLetterStore
{
    private readonly Lock _gate = new();
    private readonly LinkedList<WebhookDeadLetter> _order = new();
    private readonly Dictionary<string, LinkedListNode<WebhookDeadLetter>> _byId = new(StringComparer.Ordinal);
    private readonly IWebhookQueue _queue;
    private readonly IIdempotencyStore _idempotencyStore;
    private readonly WebhookDeliveryFactory _deliveryFactory;
    private readonly WebhookOptions _options;
    private readonly ILogger<InMemoryDeadLetterStore> _logger;

    public InMemoryDeadLetterStore(
        IWebhookQueue queue,
        IIdempotencyStore idempotencyStore,
        WebhookDeliveryFactory deliveryFactory,
        IOptions<WebhookOptions> options,
        ILogger<InMemoryDeadLetterStore> logger)
    {
        _queue = queue;
        _idempotencyStore = idempotencyStore;
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

            _byId[deadLetter.DeliveryId] = _order.AddLast(deadLetter);
            if (_order.Count > _options.DeadLetterCapacity)
            {
                evicted = _order.First!.Value;
                _order.RemoveFirst();
                _byId.Remove(evicted.DeliveryId);
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
            return ValueTask.FromResult<IReadOnlyList<WebhookDeadLetter>>([.. _order.Take(maxCount)]);
        }
    }

    public ValueTask<WebhookDeadLetter?> GetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_byId.TryGetValue(deliveryId, out var node) ? node.Value : null);
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

        if (await _queue.TryEnqueueAsync(replay, cancellationToken).ConfigureAwait(false) != WebhookEnqueueResult.Enqueued)
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
            if (!_byId.Remove(deliveryId, out var node))
            {
                return false;
            }

            _order.Remove(node);
            return true;
        }
    }
}
