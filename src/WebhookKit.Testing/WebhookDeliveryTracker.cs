using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;

namespace WebhookKit.Testing;

/// <summary>
/// Lets a test await the background handling of a delivery by its event id, instead of sleeping.
/// Registered by <c>services.AddWebhookTesting()</c>; resolve it from the app's services.
/// </summary>
public sealed class WebhookDeliveryTracker
{
    private readonly ConcurrentQueue<TrackedDelivery> _finished = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TrackedDelivery>> _waiters = new(StringComparer.Ordinal);
    private readonly IServiceProvider _services;

    /// <summary>Initializes the tracker; the dead-letter store is resolved from <paramref name="services"/> when needed.</summary>
    /// <param name="services">The application's services.</param>
    public WebhookDeliveryTracker(IServiceProvider services)
    {
        _services = services ?? throw new ArgumentNullException(nameof(services));
    }

    /// <summary>Gets the deliveries whose handling finished, in the order it finished.</summary>
    public IReadOnlyCollection<TrackedDelivery> Finished => _finished;

    /// <summary>
    /// Waits until a delivery of the event <paramref name="eventId"/> has finished: all its handlers succeeded,
    /// or it was dead-lettered. Returns at once if that already happened.
    /// </summary>
    /// <param name="eventId">The provider's event id (for example the <c>X-GitHub-Delivery</c> value).</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The finished delivery.</returns>
    /// <exception cref="TimeoutException">The delivery did not finish in time; the message lists what did.</exception>
    public async Task<TrackedDelivery> WaitForEventAsync(string eventId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        var waiter = _waiters.GetOrAdd(eventId, static _ => new TaskCompletionSource<TrackedDelivery>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var seen = string.Join(", ", _finished.Select(f => $"{f.Delivery.ReceiverName}:{f.Delivery.EventId}").Take(20));
            throw new TimeoutException(
                $"No delivery of event '{eventId}' finished within {timeout.TotalSeconds:0.###} s. " +
                "It was never queued if the response was not 200, if it was a duplicate, or if no handler handles its event type. " +
                $"Finished so far: [{seen}].");
        }
    }

    /// <summary>Lists the dead letters of the application under test.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Up to 1,000 dead letters, oldest first.</returns>
    public async Task<IReadOnlyList<WebhookDeadLetter>> GetDeadLettersAsync(CancellationToken cancellationToken = default) =>
        await _services.GetRequiredService<IDeadLetterStore>().ListAsync(1_000, cancellationToken).ConfigureAwait(false);

    internal async ValueTask OnFinishedAsync(WebhookDelivery delivery)
    {
        // The dispatcher stores a dead letter before it acknowledges the delivery, so this lookup is decisive.
        var deadLetter = await _services.GetRequiredService<IDeadLetterStore>().GetAsync(delivery.DeliveryId, CancellationToken.None).ConfigureAwait(false);
        var finished = new TrackedDelivery(delivery, deadLetter);
        _finished.Enqueue(finished);
        _waiters.GetOrAdd(delivery.EventId, static _ => new TaskCompletionSource<TrackedDelivery>(TaskCreationOptions.RunContinuationsAsynchronously))
            .TrySetResult(finished);
    }
}
