using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Internal;

namespace WebhookKit.Dispatch;

/// <summary>
/// Maps a provider's event type (or every event of the provider) to a payload model, and runs the
/// <see cref="IWebhookHandler{TPayload}"/>s of that model. The generic subclass is created where the model
/// type is known statically, so dispatch needs no reflection (trim and Native AOT safe).
/// </summary>
internal abstract class WebhookPayloadBinding(string provider, string? eventType)
{
    public string Provider { get; } = provider;

    /// <summary>Gets the event type this binding matches, or <see langword="null"/> for every event of the provider.</summary>
    public string? EventType { get; } = eventType;

    public abstract Type PayloadType { get; }

    public abstract Type HandlerServiceType { get; }

    /// <summary>
    /// Deserializes the payload; throws <see cref="JsonException"/> when it does not fit the model, what
    /// System.Text.Json throws for a contract it cannot use (<see cref="NotSupportedException"/>, <see cref="InvalidOperationException"/>),
    /// and whatever a user's converter throws (any type): the caller treats every exception as this model's failure.
    /// </summary>
    public abstract object Deserialize(ReadOnlyMemory<byte> payload);

    /// <summary>
    /// Creates the handlers in <paramref name="services"/> and runs those not yet in <paramref name="succeeded"/> (under
    /// this binding's index among the delivery's, <paramref name="model"/>);
    /// records those that succeed. Never throws but for cancellation by <paramref name="cancellationToken"/>: a handler
    /// that throws, or handlers that cannot be created (a constructor or a dependency throws), are returned as a failure.
    /// </summary>
    public abstract Task<HandlerFailure?> RunHandlersAsync(
        IServiceProvider services,
        WebhookDelivery delivery,
        object payload,
        int attempt,
        SucceededHandlers succeeded,
        int model,
        HandlerRunObserver observer,
        CancellationToken cancellationToken);
}

/// <summary>A handler that threw, or handlers that could not be created, by name, for logs and dead letters.</summary>
/// <param name="HandlerName">The handler's type name, or the model's name when its handlers could not be created.</param>
/// <param name="Exception">What was thrown; only its type goes into a dead letter's reason.</param>
/// <param name="IsActivation">Whether DI failed to create the handlers (so none of them ran).</param>
internal sealed record HandlerFailure(string HandlerName, Exception Exception, bool IsActivation = false)
{
    /// <summary>Gets the dead letter's reason: names and the exception type, never its message (it may quote the payload).</summary>
    public string Reason => IsActivation
        ? $"handlers of {HandlerName} could not be created: {Exception.GetType().Name}"
        : $"{HandlerName} threw {Exception.GetType().Name}";
}

/// <param name="provider">The provider whose events this binds.</param>
/// <param name="eventType">The event type, or <see langword="null"/> for every event of the provider.</param>
/// <param name="jsonTypeInfo">The model's source-generated metadata.</param>
/// <param name="whenNotJson">
/// For a built-in catch-all over bodies the provider does not require to be JSON (any HMAC sender): makes the model
/// from a verified body that is not JSON, so that such a delivery reaches its handlers instead of the dead letters.
/// </param>
internal sealed class WebhookPayloadBinding<TPayload>(string provider, string? eventType, JsonTypeInfo<TPayload> jsonTypeInfo, Func<TPayload>? whenNotJson = null)
    : WebhookPayloadBinding(provider, eventType)
{
    // Created on first use, when the model's contract is complete.
    private DeclaredPropertyReader<TPayload>? _reader;

    public override Type PayloadType => typeof(TPayload);

    public override Type HandlerServiceType => typeof(IWebhookHandler<TPayload>);

    public override object Deserialize(ReadOnlyMemory<byte> payload)
    {
        if (whenNotJson is not null && !IsJson(payload.Span))
        {
            return whenNotJson()!;
        }

        return (_reader ??= new DeclaredPropertyReader<TPayload>(jsonTypeInfo)).Deserialize(payload.Span) ?? throw new JsonException("The payload is JSON null.");
    }

    // One validating pass with no allocation, as strict as the model's options: what JsonSerializer would refuse.
    private bool IsJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = jsonTypeInfo.Options.MaxDepth });
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public override async Task<HandlerFailure?> RunHandlersAsync(
        IServiceProvider services,
        WebhookDelivery delivery,
        object payload,
        int attempt,
        SucceededHandlers succeeded,
        int model,
        HandlerRunObserver observer,
        CancellationToken cancellationToken)
    {
        IWebhookHandler<TPayload>[] handlers;
        try
        {
            // Resolves (creates) every handler of the model at once, so a failure cannot be pinned on one of them;
            // none ran, and the next attempt creates them all again and skips those that already succeeded.
            // Materialized here so that a container which creates them lazily fails here too, not mid-loop.
            var resolved = services.GetServices<IWebhookHandler<TPayload>>();
            handlers = resolved as IWebhookHandler<TPayload>[] ?? [.. resolved];
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HandlerFailure(typeof(TPayload).Name, exception, IsActivation: true);
        }

        var webhook = new WebhookEvent<TPayload>(delivery, (TPayload)payload, attempt);
        HandlerFailure? firstFailure = null;
        var index = 0;
        foreach (var handler in handlers)
        {
            if (!succeeded.Contains(model, index))
            {
                var handlerName = handler.GetType().Name;
                using var activity = WebhookDiagnostics.StartHandle(delivery, handlerName, attempt);
                var startedAt = observer.GetTimestamp();
                try
                {
                    await handler.HandleAsync(webhook, cancellationToken).ConfigureAwait(false);
                    succeeded.Add(model, index);
                    observer.Succeeded(delivery, handlerName, attempt, startedAt);
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    observer.Failed(delivery, handlerName, attempt, startedAt, activity, exception);
                    firstFailure ??= new HandlerFailure(handlerName, exception);
                }
            }

            index++;
        }

        return firstFailure;
    }
}
