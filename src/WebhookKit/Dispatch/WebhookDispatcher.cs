using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using WebhookKit.Idempotency;
using WebhookKit.Internal;
using WebhookKit.Receiving;

namespace WebhookKit.Dispatch;

/// <summary>
/// Takes accepted deliveries off the queue and runs their handlers in the background: each payload model
/// deserialized once, each attempt in its own DI scope, retries with exponential backoff and jitter (Polly),
/// then a dead letter. On shutdown it stops accepting, drains the queue within the host's shutdown timeout
/// and logs what is left.
/// </summary>
/// <remarks>
/// A delivery never ends a worker: whatever it throws (its models, its handlers, DI, the stores, the queue) is
/// that delivery's failure, so the dispatcher stops only when the host does. Split by concern:
/// <c>.Attempts.cs</c> runs the handlers, <c>.Finish.cs</c> completes or dead-letters and acknowledges.
/// </remarks>
internal sealed partial class WebhookDispatcher : BackgroundService
{
    private readonly IWebhookQueue _queue;
    private readonly IIdempotencyStore _idempotencyStore;
    private readonly ClaimLeaseRenewer _leases;
    private readonly ICompletingWebhookQueue? _completingQueue;
    private readonly IDeadLetterStore _deadLetters;
    private readonly WebhookPayloadRegistry _payloads;
    private readonly WebhookReceiverRegistry _receivers;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private readonly WebhookOptions _options;
    private readonly ILogger<WebhookDispatcher> _logger;
    /// <summary>Retry pipelines by the attempts a delivery has left (index), built on first use: Polly's own count ends the retries.</summary>
    private readonly ResiliencePipeline?[] _retryPipelines;
    private readonly WebhookMetrics _metrics;
    private readonly WebhookHealthState _health;
    private readonly HandlerRunObserver _observer;
    private readonly WebhookKit.Journal.WebhookJournalRecorder _journal;

    public WebhookDispatcher(
        IWebhookQueue queue,
        IIdempotencyStore idempotencyStore,
        ClaimLeaseRenewer leases,
        IDeadLetterStore deadLetters,
        WebhookPayloadRegistry payloads,
        WebhookReceiverRegistry receivers,
        IServiceScopeFactory scopeFactory,
        TimeProvider timeProvider,
        IOptions<WebhookOptions> options,
        WebhookMetrics metrics,
        WebhookHealthState health,
        WebhookKit.Journal.WebhookJournalRecorder journal,
        ILogger<WebhookDispatcher> logger)
    {
        _queue = queue;
        _idempotencyStore = idempotencyStore;
        _leases = leases;
        _completingQueue = queue.Capabilities.CompleteAndAcknowledge;
        _deadLetters = deadLetters;
        _payloads = payloads;
        _receivers = receivers;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
        _retryPipelines = new ResiliencePipeline?[_options.MaxAttempts + 1];
        _metrics = metrics;
        _health = health;
        _journal = journal;
        _observer = new HandlerRunObserver(metrics, journal, timeProvider, _options.MaxAttempts);
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_receivers.Count == 0)
        {
            Log.NoReceivers(_logger);
        }

        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var workers = new Task[_options.MaxConcurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => RunWorkerAsync(stoppingToken), CancellationToken.None);
        }

        return Task.WhenAll(workers);
    }

    /// <summary>
    /// Closes the queue first and lets the workers drain it; only when the host's shutdown timeout
    /// (<paramref name="cancellationToken"/>) runs out are running handlers cancelled.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Close();
        if (ExecuteTask is { } running)
        {
            try
            {
                await running.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutdown timeout: cancel handlers below and report what is left.
            }
        }

        // Cancels handlers still running; returns at once if the shutdown timeout already ran out, so a
        // handler that ignores its token cannot hang the host.
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await FlushCompletionsAsync(cancellationToken).ConfigureAwait(false);

        var left = _queue.Count;
        if (left > 0)
        {
            Log.DrainIncomplete(_logger, left);
        }
        else
        {
            Log.Drained(_logger);
        }
    }

    private async Task RunWorkerAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            WebhookDelivery? delivery;
            try
            {
                // Dequeue is not cancelled by stopping: the queue closes and drains instead.
                delivery = await _queue.DequeueAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Log.DispatcherFailed(_logger, exception);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), _timeProvider, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return; // Shutdown timeout ran out while the queue was failing.
                }

                continue;
            }

            if (delivery is null)
            {
                return;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                // Shutdown timeout ran out: leave the delivery unacknowledged (it is counted as left).
                return;
            }

            try
            {
                await DispatchAsync(delivery, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // DispatchAsync does not throw; should logging itself fail, the worker still goes on.
                Log.DispatcherFailed(_logger, exception);
            }
        }
    }

    /// <summary>
    /// Handles one delivery to the end: runs it, completes or dead-letters it, acknowledges it. Never throws; returns
    /// without acknowledging only when the shutdown timeout cancelled its handlers (the lease then expires).
    /// </summary>
    internal async Task DispatchAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await RunAsync(delivery, cancellationToken).ConfigureAwait(false);
            if (outcome is null)
            {
                _leases.Forget(delivery.DeliveryId);
                return; // Cancelled by the shutdown timeout: not acknowledged, the lease will expire.
            }

            if (await FinishAsync(delivery, outcome.Value).ConfigureAwait(false))
            {
                return;
            }
        }
        catch (Exception exception)
        {
            // Last line of defence: RunAsync and FinishAsync turn every failure they know into an outcome or a log line,
            // so this is a bug. The delivery is acknowledged anyway, so that it does not hold the queue's capacity.
            Log.DeliveryCrashed(_logger, exception.GetType().Name, delivery.ReceiverName, delivery.EventType, delivery.EventId, delivery.DeliveryId, Loggable(exception));
        }

        await TryAcknowledgeAsync(delivery).ConfigureAwait(false);
    }

    /// <summary>Gets the exception to attach to a log line; a JSON exception's message may quote the payload, so only its type is logged.</summary>
    private static Exception? Loggable(Exception exception) => exception is System.Text.Json.JsonException ? null : exception;
}
