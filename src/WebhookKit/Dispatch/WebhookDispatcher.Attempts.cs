using Microsoft.Extensions.DependencyInjection;
using Polly;
using Polly.Retry;
using WebhookKit.Internal;

namespace WebhookKit.Dispatch;

/// <summary>Running a delivery's handlers: each model deserialized once, attempts in their own DI scope, retries.</summary>
internal sealed partial class WebhookDispatcher
{
    /// <summary>
    /// Runs the delivery's handlers; returns its outcome, or <see langword="null"/> when the shutdown timeout cancelled them.
    /// A model that does not deserialize fails only its own handlers: the other models' handlers still run (and retry),
    /// then the delivery is dead-lettered, naming the model.
    /// </summary>
    private async ValueTask<DispatchOutcome?> RunAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        _metrics.QueueWait(delivery, _timeProvider.GetUtcNow() - delivery.ReceivedAt);
        if (delivery.PreviousAttempts >= _options.MaxAttempts)
        {
            // Handed over by a durable queue after earlier consumers stopped (or crashed) while handling it.
            return new DispatchOutcome(false, delivery.PreviousAttempts, $"no attempt left after {delivery.PreviousAttempts} attempts by earlier consumers");
        }

        var bindings = _payloads.GetHandled(delivery.Provider, delivery.EventType);
        var payloads = new object?[bindings.Length];
        List<string>? reasons = null;
        var anyPayload = false;
        for (var i = 0; i < bindings.Length; i++)
        {
            try
            {
                payloads[i] = bindings[i].Deserialize(delivery.Payload);
                anyPayload = true;
            }
            catch (Exception exception)
            {
                // Whatever the type (JsonException, a contract System.Text.Json cannot use, a user converter's own), it is
                // not retried: the same bytes fail the same way. Only the type is kept: the message may quote the payload.
                var model = bindings[i].PayloadType.Name;
                var exceptionType = exception.GetType().Name;
                Log.PayloadNotDeserialized(_logger, model, exceptionType, delivery.ReceiverName, delivery.EventType, delivery.EventId);
                (reasons ??= []).Add(UnreadableReason(model, exception));
            }
        }

        var state = new AttemptState(this, delivery, bindings, payloads);
        Exception? lastException = null;
        if (anyPayload)
        {
            var started = _timeProvider.GetTimestamp();
            if (await RunAttemptsAsync(state, cancellationToken).ConfigureAwait(false) is not { } failure)
            {
                return null;
            }

            if (failure.Reason.Length > 0)
            {
                (reasons ??= []).Insert(0, failure.Reason);
                lastException = failure.Exception;
            }
            else if (reasons is null)
            {
                Log.Handled(_logger, delivery.ReceiverName, delivery.EventType, delivery.EventId, state.Attempt, _timeProvider.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        if (reasons is not null)
        {
            return new DispatchOutcome(false, state.Attempt, string.Join("; ", reasons), lastException);
        }

        _journal.Finished(delivery, handled: true, state.Attempt, reason: null);
        return new DispatchOutcome(true, state.Attempt, string.Empty);
    }

    /// <summary>
    /// Why a model could not read a verified payload, for the dead letter and its log line: the model, the exception's
    /// type and, for JSON, where (path, line and byte). Never the exception's message, which may quote the payload.
    /// </summary>
    /// <summary>A JSON path is made of the payload's property names: kept short, whatever the payload.</summary>
    private const int MaxJsonPathLength = 128;

    private static string UnreadableReason(string model, Exception exception) =>
        exception is System.Text.Json.JsonException json
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"could not be read as {model}: {exception.GetType().Name} at {BoundedText.Cut(json.Path ?? "$", MaxJsonPathLength)} (line {json.LineNumber ?? 0}, byte {json.BytePositionInLine ?? 0})")
            : $"could not be read as {model}: {exception.GetType().Name}";

    /// <summary>
    /// Runs the attempts of the models that deserialized; returns an empty reason when their handlers all succeeded,
    /// the failure's reason and exception when one still failed after the last attempt, or <see langword="null"/> when cancelled by shutdown.
    /// </summary>
    private async ValueTask<(string Reason, Exception? Exception)?> RunAttemptsAsync(AttemptState state, CancellationToken cancellationToken)
    {
        var delivery = state.Delivery;

        // A delivery taken over from another consumer has fewer attempts left: its pipeline retries only those.
        var attemptsLeft = _options.MaxAttempts - delivery.PreviousAttempts;
        try
        {
            // The first attempt runs outside the retry pipeline: nearly every delivery succeeds at once, and the pipeline's
            // context and asynchronous state are only worth it for the few that do not. A failure enters the pipeline as
            // its first outcome, so the retries and their delays are Polly's exactly as if it had run that attempt.
            try
            {
                await RunAttemptAsync(state, cancellationToken).ConfigureAwait(false);
                return (string.Empty, null);
            }
            catch (HandlerFailedException failed) when (attemptsLeft > 1)
            {
                state.FirstFailure = failed;
            }

            await RetryPipeline(attemptsLeft).ExecuteAsync(
                static (state, token) => state.TakeFirstFailure() is { } failed
                    ? ValueTask.FromException(failed)
                    : state.Dispatcher.RunAttemptAsync(state, token),
                state,
                cancellationToken).ConfigureAwait(false);
            return (string.Empty, null);
        }
        catch (HandlerFailedException failed)
        {
            return (failed.Failure.Reason, failed.Failure.IsActivation ? null : failed.Failure.Exception);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (Exception exception)
        {
            // Not a handler's failure (those are HandlerFailedException) but the dispatcher's own, such as a DI container
            // that cannot create a scope: still this delivery's failure, never the worker's.
            Log.DispatchFailed(_logger, exception.GetType().Name, delivery.ReceiverName, delivery.EventType, delivery.EventId, Loggable(exception));
            return ($"the dispatcher failed: {exception.GetType().Name}", null);
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

        HandlerFailure? firstFailure = null;
        var scope = _scopeFactory.CreateAsyncScope();
        try
        {
            for (var i = 0; i < state.Bindings.Length; i++)
            {
                if (state.Payloads[i] is not { } payload)
                {
                    continue; // Did not deserialize: its handlers never run.
                }

                var failure = await state.Bindings[i]
                    .RunHandlersAsync(scope.ServiceProvider, delivery, payload, attempt, state.Succeeded, i, _observer, cancellationToken)
                    .ConfigureAwait(false);
                if (failure is not null)
                {
                    LogFailure(failure, attempt, delivery);
                    firstFailure ??= failure;
                }
            }
        }
        finally
        {
            await DisposeScopeAsync(scope, attempt, delivery).ConfigureAwait(false);
        }

        if (firstFailure is not null)
        {
            throw new HandlerFailedException(firstFailure);
        }
    }

    private void LogFailure(HandlerFailure failure, int attempt, WebhookDelivery delivery)
    {
        if (failure.IsActivation)
        {
            Log.HandlersNotCreated(_logger, failure.HandlerName, attempt, delivery.ReceiverName, delivery.EventType, delivery.EventId, failure.Exception);
        }
        else
        {
            Log.HandlerFailed(_logger, failure.HandlerName, attempt, delivery.ReceiverName, delivery.EventType, delivery.EventId, failure.Exception);
        }
    }

    /// <summary>
    /// Disposes the attempt's scope (and the handlers in it). A handler whose Dispose throws has already done its work,
    /// so the failure is logged and the attempt's outcome stands: failing it would retry handlers that all succeeded.
    /// </summary>
    private async ValueTask DisposeScopeAsync(AsyncServiceScope scope, int attempt, WebhookDelivery delivery)
    {
        try
        {
            await scope.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.ScopeDisposeFailed(_logger, attempt, delivery.ReceiverName, delivery.EventType, delivery.EventId, exception);
        }
    }

    /// <summary>The retry pipeline of a delivery with <paramref name="attemptsLeft"/> attempts (at least 1); a benign race may build one twice.</summary>
    private ResiliencePipeline RetryPipeline(int attemptsLeft) =>
        _retryPipelines[attemptsLeft] ??= BuildRetryPipeline(_options, _timeProvider, attemptsLeft);

    private static ResiliencePipeline BuildRetryPipeline(WebhookOptions options, TimeProvider timeProvider, int attempts)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<HandlerFailedException>(),
                MaxRetryAttempts = attempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
            });
        }

        return builder.Build();
    }

    /// <summary>How a delivery's handling ended; <see cref="Exception"/> is the last handler exception of a failure, for its log line.</summary>
    private readonly record struct DispatchOutcome(bool Succeeded, int Attempts, string Reason, Exception? Exception = null);

    /// <summary>
    /// What survives between attempts of one delivery: payloads (<see langword="null"/> for a model that did not
    /// deserialize) and which handlers already succeeded.
    /// </summary>
    private sealed class AttemptState(WebhookDispatcher dispatcher, WebhookDelivery delivery, WebhookPayloadBinding[] bindings, object?[] payloads)
    {
        private int _attempt = delivery.PreviousAttempts;

        public WebhookDispatcher Dispatcher { get; } = dispatcher;

        public WebhookDelivery Delivery { get; } = delivery;

        public WebhookPayloadBinding[] Bindings { get; } = bindings;

        public object?[] Payloads { get; } = payloads;

        public SucceededHandlers Succeeded { get; } = new(bindings.Length);

        public int Attempt => _attempt;

        /// <summary>Sets the first attempt's failure, run before the retry pipeline, which replays it as its own first outcome.</summary>
        public HandlerFailedException? FirstFailure { private get; set; }

        public int NextAttempt() => ++_attempt;

        public HandlerFailedException? TakeFirstFailure()
        {
            var failure = FirstFailure;
            FirstFailure = null;
            return failure;
        }
    }

    private sealed class HandlerFailedException(HandlerFailure failure) : Exception("A webhook handler failed.", failure.Exception)
    {
        public HandlerFailure Failure { get; } = failure;
    }
}
