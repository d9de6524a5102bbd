using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;

namespace WebhookKit.Testing;

/// <summary>
/// Lets a test await the background handling of a delivery, instead of sleeping. Registered by
/// <c>services.AddWebhookTesting()</c>; resolve it from the app's services.
/// </summary>
/// <remarks>
/// <para>
/// Deliveries are told apart by receiver and by <see cref="WebhookDelivery.DeliveryId"/>: a dead-letter replay or a
/// provider's redelivery is a new delivery of the same event, and the same event id on two receivers is two events.
/// To await the handling of a delivery you are about to cause, start
/// <see cref="WaitForNextAsync(string, string, TimeSpan, CancellationToken)"/> before sending it, and await it after.
/// </para>
/// <para>
/// Memory is bounded for long test runs: the tracker keeps the last <see cref="MaxDeliveriesPerEvent"/> finished
/// deliveries of each event, the <see cref="MaxEvents"/> most recently finished events, and the last
/// <see cref="MaxFinished"/> deliveries in <see cref="Finished"/>. Waits that finish or time out are forgotten.
/// </para>
/// </remarks>
public sealed partial class WebhookDeliveryTracker
{
    /// <summary>How many finished deliveries of one event (on one receiver) the tracker keeps, newest last.</summary>
    public const int MaxDeliveriesPerEvent = 8;

    /// <summary>
    /// How many event records the tracker keeps; the one whose delivery finished least recently is forgotten first.
    /// An event id has a record per receiver and one for waits that name no receiver.
    /// </summary>
    public const int MaxEvents = 10_000;

    /// <summary>How many deliveries <see cref="Finished"/> keeps, newest last.</summary>
    public const int MaxFinished = 1_000;

    private readonly ConcurrentQueue<TrackedDelivery> _finished = new();
    private readonly IServiceProvider _services;

    /// <summary>Initializes the tracker; the dead-letter store is resolved from <paramref name="services"/> when needed.</summary>
    /// <param name="services">The application's services.</param>
    public WebhookDeliveryTracker(IServiceProvider services)
        : this(services, MaxDeliveriesPerEvent, MaxEvents, MaxFinished)
    {
    }

    /// <summary>Gets the last <see cref="MaxFinished"/> deliveries whose handling finished, in the order it finished.</summary>
    public IReadOnlyCollection<TrackedDelivery> Finished => _finished;

    /// <summary>
    /// Waits until a delivery of the event <paramref name="eventId"/>, on any receiver, has finished: all its handlers
    /// succeeded, or it was dead-lettered. When one already has, returns the one that finished last, at once.
    /// </summary>
    /// <param name="eventId">The provider's event id (for example the <c>X-GitHub-Delivery</c> value).</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The latest finished delivery of the event.</returns>
    /// <exception cref="TimeoutException">No delivery of the event finished in time; the message lists what did.</exception>
    /// <remarks>
    /// The latest delivery at the time of the call may be an earlier one than the delivery you just sent (a dead letter
    /// before its replay): use <see cref="WaitForNextAsync(string, string, TimeSpan, CancellationToken)"/> for that.
    /// </remarks>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Both overloads are new in this unshipped version, and their required parameters (one string or two before the TimeSpan) never make a call ambiguous.")]
    public Task<TrackedDelivery> WaitForEventAsync(string eventId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return WaitAsync(new TrackerKey(null, eventId), latest: true, timeout, cancellationToken);
    }

    /// <summary>
    /// Waits until a delivery of the event <paramref name="eventId"/> on the receiver <paramref name="receiverName"/>
    /// has finished. When one already has, returns the one that finished last, at once.
    /// A delivery counts as finished once the dispatcher acknowledged it, after its last attempt.
    /// </summary>
    /// <param name="receiverName">The receiver's name, as registered (for example <c>github</c>, or the name given to <c>AddGitHub(name, …)</c>).</param>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The latest finished delivery of the event on that receiver.</returns>
    /// <exception cref="TimeoutException">No delivery of the event finished on that receiver in time; the message lists what did.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "Both overloads are new in this unshipped version, and their required parameters (one string or two before the TimeSpan) never make a call ambiguous.")]
    public Task<TrackedDelivery> WaitForEventAsync(string receiverName, string eventId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiverName);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return WaitAsync(new TrackerKey(receiverName, eventId), latest: true, timeout, cancellationToken);
    }

    /// <summary>
    /// Starts waiting for the next handling of the event <paramref name="eventId"/> on the receiver
    /// <paramref name="receiverName"/>: the task completes only with a delivery that finishes (is acknowledged by the
    /// dispatcher) after this call, never with one that finished before. The wait starts when the method is called, not when the task is awaited, so
    /// call it before sending (or replaying) and await it after; a fast handler cannot be missed.
    /// </summary>
    /// <param name="receiverName">The receiver's name, as registered.</param>
    /// <param name="eventId">The provider's event id.</param>
    /// <param name="timeout">How long to wait, counted from this call.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first delivery of the event on that receiver to finish after the call.</returns>
    /// <exception cref="TimeoutException">No delivery of the event finished on that receiver in time; the message lists what did.</exception>
    /// <example>
    /// <code>
    /// var next = tracker.WaitForNextAsync("github", deliveryId, TimeSpan.FromSeconds(30));
    /// await deadLetters.ReplayAsync(deadLetter.DeliveryId, cancellationToken);
    /// var replayed = await next;
    /// </code>
    /// </example>
    public Task<TrackedDelivery> WaitForNextAsync(string receiverName, string eventId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiverName);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return WaitAsync(new TrackerKey(receiverName, eventId), latest: false, timeout, cancellationToken);
    }

    /// <summary>Gets the finished deliveries of an event on a receiver that the tracker still keeps, oldest first.</summary>
    /// <param name="receiverName">The receiver's name, as registered.</param>
    /// <param name="eventId">The provider's event id.</param>
    /// <returns>Up to <see cref="MaxDeliveriesPerEvent"/> deliveries, in the order they finished.</returns>
    public IReadOnlyList<TrackedDelivery> GetDeliveries(string receiverName, string eventId)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiverName);
        ArgumentException.ThrowIfNullOrEmpty(eventId);
        return Snapshot(new TrackerKey(receiverName, eventId));
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
        while (_finished.Count > _maxFinished && _finished.TryDequeue(out _))
        {
        }

        Record(finished);
    }

    private async Task<TrackedDelivery> WaitAsync(TrackerKey key, bool latest, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waiter = Register(key, latest, out var done);
        if (done is not null)
        {
            return done;
        }

        try
        {
            return await waiter!.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var seen = string.Join(", ", _finished.Reverse().Take(20).Select(f => $"{f.Delivery.ReceiverName}:{f.Delivery.EventId}"));
            throw new TimeoutException(
                $"No delivery of event {key} finished {(latest ? "within" : "after the wait began, within")} {timeout.TotalSeconds:0.###} s. " +
                "It was never queued if the response was not 200, if it was a duplicate, or if no handler handles its event type. " +
                $"Finished recently (newest first): [{seen}].");
        }
        finally
        {
            Unregister(key, waiter!);
        }
    }
}
