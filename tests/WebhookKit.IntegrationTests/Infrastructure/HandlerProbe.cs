using System.Collections.Concurrent;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>One handler run as a test handler saw it.</summary>
public sealed record HandlerCall(
    string Handler,
    string EventId,
    int Attempt,
    string ReceiverName = "",
    string EventType = "",
    object? Payload = null,
    IReadOnlyDictionary<string, string>? Headers = null,
    string Provider = "");

/// <summary>
/// Records what handlers saw, shared between the test and the handlers it registers (as a singleton).
/// <see cref="Attempts"/> holds every handler run that started; <see cref="Calls"/> holds the runs that succeeded.
/// Tests wait on conditions over these instead of sleeping.
/// </summary>
public sealed class HandlerProbe
{
    /// <summary>How long a test waits for handlers by default; generous, since CI machines are noisy.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    private readonly ConcurrentQueue<HandlerCall> _calls = new();
    private readonly ConcurrentQueue<HandlerCall> _attempts = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _waiters = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<HandlerProbe, bool> Condition, TaskCompletionSource Signal)> _conditions = [];

    /// <summary>Gets the handler runs that completed successfully.</summary>
    public IReadOnlyCollection<HandlerCall> Calls => _calls;

    /// <summary>Gets every handler run that started, including those that then threw or were cancelled.</summary>
    public IReadOnlyCollection<HandlerCall> Attempts => _attempts;

    /// <summary>
    /// Gets or sets what <see cref="RecordingHandler{TPayload}"/> does between recording the attempt and recording
    /// success: throw to fail the attempt, await something to block it. The default completes at once.
    /// </summary>
    public Func<HandlerCall, CancellationToken, Task> Behavior { get; set; } = static (_, _) => Task.CompletedTask;

    public void Record(string handler, string eventId, int attempt) => Record(new HandlerCall(handler, eventId, attempt));

    /// <summary>Records a successful handler run.</summary>
    public void Record(HandlerCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        _calls.Enqueue(call);
        _waiters.GetOrAdd(call.EventId, NewSignal).TrySetResult();
        Signal();
    }

    /// <summary>Records that a handler run started.</summary>
    public void RecordAttempt(HandlerCall call)
    {
        _attempts.Enqueue(call);
        Signal();
    }

    /// <summary>Waits until a handler succeeded for <paramref name="eventId"/>.</summary>
    public Task WaitForAsync(string eventId, TimeSpan? timeout = null) =>
        _waiters.GetOrAdd(eventId, NewSignal).Task.WaitAsync(timeout ?? DefaultTimeout);

    /// <summary>Waits until at least <paramref name="count"/> handler runs succeeded.</summary>
    public Task WaitForCallsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(probe => probe._calls.Count >= count, timeout);

    /// <summary>Waits until at least <paramref name="count"/> handler runs started.</summary>
    public Task WaitForAttemptsAsync(int count, TimeSpan? timeout = null) =>
        WaitUntilAsync(probe => probe._attempts.Count >= count, timeout);

    /// <summary>Waits until <paramref name="condition"/> holds; it is checked now and after every recorded run.</summary>
    public Task WaitUntilAsync(Func<HandlerProbe, bool> condition, TimeSpan? timeout = null)
    {
        var signal = NewSignal(string.Empty);
        lock (_gate)
        {
            if (condition(this))
            {
                return Task.CompletedTask;
            }

            _conditions.Add((condition, signal));
        }

        return signal.Task.WaitAsync(timeout ?? DefaultTimeout);
    }

    private void Signal()
    {
        lock (_gate)
        {
            for (var i = _conditions.Count - 1; i >= 0; i--)
            {
                if (_conditions[i].Condition(this))
                {
                    _conditions[i].Signal.TrySetResult();
                    _conditions.RemoveAt(i);
                }
            }
        }
    }

    private static TaskCompletionSource NewSignal(string _) => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
