using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
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
internal sealed class WebhookDispatcher : BackgroundService
{
    private readonly IWebhookQueue _queue;
    private readonly IIdempotencyStore _idempotencyStore;
    private readonly IDeadLetterStore _deadLetters;
    private readonly WebhookPayloadRegistry _payloads;
    private readonly WebhookReceiverRegistry _receivers;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly TimeProvider _timeProvider;
    private readonly WebhookOptions _options;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly ResiliencePipeline _retryPipeline;
    private readonly WebhookMetrics _metrics;
    private readonly WebhookHealthState _health;
    private readonly HandlerRunObserver _observer;
    private int _inFlight;

    public WebhookDispatcher(
        IWebhookQueue queue,
        IIdempotencyStore idempotencyStore,
        IDeadLetterStore deadLetters,
        WebhookPayloadRegistry payloads,
        WebhookReceiverRegistry receivers,
        IServiceScopeFactory scopeFactory,
        TimeProvider timeProvider,
        IOptions<WebhookOptions> options,
        WebhookMetrics metrics,
        WebhookHealthState health,
        ILogger<WebhookDispatcher> logger)
    {
        _queue = queue;
        _idempotencyStore = idempotencyStore;
        _deadLetters = deadLetters;
        _payloads = payloads;
        _receivers = receivers;
        _scopeFactory = scopeFactory;
        _timeProvider = timeProvider;
        _options = options.Value;
        _logger = logger;
        _retryPipeline = BuildRetryPipeline(_options, timeProvider);
        _metrics = metrics;
        _health = health;
        _observer = new HandlerRunObserver(metrics, timeProvider, _options.MaxAttempts);
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
                await Task.Delay(TimeSpan.FromSeconds(1), _timeProvider, stoppingToken).ConfigureAwait(false);
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

            Interlocked.Increment(ref _inFlight);
            try
            {
                await DispatchAsync(delivery, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    internal async Task DispatchAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(delivery, cancellationToken).ConfigureAwait(false);
        if (outcome is null)
        {
            return; // Cancelled by the shutdown timeout: not acknowledged, the lease will expire.
        }

        try
        {
            if (outcome.Value.Succeeded)
            {
                await _idempotencyStore.CompleteAsync(delivery.IdempotencyKeys, delivery.DeliveryId, _options.RetentionDuration, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                // A dead letter outlives the acknowledgement below, which may return the delivery's pooled buffer.
                var deadLetter = new WebhookDeadLetter(delivery.WithOwnedBody(), _timeProvider.GetUtcNow(), outcome.Value.Attempts, outcome.Value.Reason);
                await _deadLetters.AddAsync(deadLetter, CancellationToken.None).ConfigureAwait(false);
                _health.DeadLettered();
                _metrics.DeadLettered(delivery);
                Log.DeadLettered(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, delivery.DeliveryId, outcome.Value.Attempts, outcome.Value.Reason);
                // Released so that the provider's redelivery of the same event is processed again.
                await _idempotencyStore.ReleaseAsync(delivery.IdempotencyKeys, delivery.DeliveryId, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            Log.FinishFailed(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, exception);
        }
        finally
        {
            await _queue.AcknowledgeAsync(delivery, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<DispatchOutcome?> RunAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        _metrics.QueueWait(delivery, _timeProvider.GetUtcNow() - delivery.ReceivedAt);
        if (delivery.PreviousAttempts >= _options.MaxAttempts)
        {
            // Handed over by a durable queue after earlier consumers stopped (or crashed) while handling it.
            return new DispatchOutcome(false, delivery.PreviousAttempts, $"no attempt left after {delivery.PreviousAttempts} attempts by earlier consumers");
        }

        var bindings = _payloads.GetHandled(delivery.Provider, delivery.EventType);
        var payloads = new object[bindings.Length];
        for (var i = 0; i < bindings.Length; i++)
        {
            try
            {
                payloads[i] = bindings[i].Deserialize(delivery.Payload);
            }
            catch (JsonException)
            {
                // Not retryable: the same bytes will never deserialize. The exception text may quote the payload, so it is not kept.
                return new DispatchOutcome(false, 0, $"payload does not deserialize into {bindings[i].PayloadType.Name}");
            }
            catch (Exception exception) when (exception is NotSupportedException or InvalidOperationException)
            {
                // The model's contract, not the bytes (a type without metadata, a converter that throws): not retryable
                // either, and a dead letter instead of a worker that dies.
                return new DispatchOutcome(false, 0, $"{bindings[i].PayloadType.Name} cannot be deserialized: {exception.GetType().Name}");
            }
        }

        var state = new AttemptState(this, delivery, bindings, payloads);
        try
        {
            await _retryPipeline.ExecuteAsync(
                static (state, token) => state.Dispatcher.RunAttemptAsync(state, token),
                state,
                cancellationToken).ConfigureAwait(false);
            Log.Handled(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, state.Attempt);
            return new DispatchOutcome(true, state.Attempt, string.Empty);
        }
        catch (HandlerFailedException failed)
        {
            return new DispatchOutcome(false, state.Attempt, $"{failed.Failure.HandlerName} threw {failed.Failure.Exception.GetType().Name}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async ValueTask RunAttemptAsync(AttemptState state, CancellationToken cancellationToken)
    {
        var attempt = state.NextAttempt();
        var delivery = state.Delivery;
        if (attempt > 1)
        {
            _metrics.Retry(delivery);
        }

        var scope = _scopeFactory.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            HandlerFailure? firstFailure = null;
            for (var i = 0; i < state.Bindings.Length; i++)
            {
                var failure = await state.Bindings[i]
                    .RunHandlersAsync(scope.ServiceProvider, delivery, state.Payloads[i], attempt, state.Succeeded[i], _observer, cancellationToken)
                    .ConfigureAwait(false);
                if (failure is not null)
                {
                    Log.HandlerFailed(_logger, failure.HandlerName, attempt, delivery.ReceiverName, delivery.EventType, delivery.EventId, failure.Exception);
                    firstFailure ??= failure;
                }
            }

            if (firstFailure is not null)
            {
                throw new HandlerFailedException(firstFailure, attempt >= _options.MaxAttempts);
            }
        }
    }

    private static ResiliencePipeline BuildRetryPipeline(WebhookOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                // Attempts count from the delivery's previous attempts, so the last one may come before Polly's own limit.
                ShouldHandle = new PredicateBuilder().Handle<HandlerFailedException>(static failed => !failed.IsLastAttempt),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
            });
        }

        return builder.Build();
    }

    private readonly record struct DispatchOutcome(bool Succeeded, int Attempts, string Reason);

    /// <summary>What survives between attempts of one delivery: payloads and which handlers already succeeded.</summary>
    private sealed class AttemptState(WebhookDispatcher dispatcher, WebhookDelivery delivery, WebhookPayloadBinding[] bindings, object[] payloads)
    {
        private int _attempt = delivery.PreviousAttempts;

        public WebhookDispatcher Dispatcher { get; } = dispatcher;

        public WebhookDelivery Delivery { get; } = delivery;

        public WebhookPayloadBinding[] Bindings { get; } = bindings;

        public object[] Payloads { get; } = payloads;

        public HashSet<int>[] Succeeded { get; } = [.. bindings.Select(_ => new HashSet<int>())];

        public int Attempt => _attempt;

        public int NextAttempt() => ++_attempt;
    }

    private sealed class HandlerFailedException(HandlerFailure failure, bool isLastAttempt) : Exception("A webhook handler failed.", failure.Exception)
    {
        public HandlerFailure Failure { get; } = failure;

        public bool IsLastAttempt { get; } = isLastAttempt;
    }
}
