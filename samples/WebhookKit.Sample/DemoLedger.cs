namespace WebhookKit.Sample;

/// <summary>Remembers which handler handled which event, so the demo can show "handled by".</summary>
public sealed class DemoLedger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<string>> _handledBy = new(StringComparer.Ordinal);

    /// <summary>Records that <paramref name="handler"/> handled the event <paramref name="eventId"/> of a receiver.</summary>
    public void Record(string receiverName, string eventId, string handler)
    {
        lock (_lock)
        {
            var key = Key(receiverName, eventId);
            if (!_handledBy.TryGetValue(key, out var handlers))
            {
                _handledBy[key] = handlers = [];
            }

            handlers.Add(handler);
        }
    }

    /// <summary>Gets the handlers that handled an event, once per handling (so a repeat shows twice).</summary>
    public IReadOnlyList<string> HandledBy(string receiverName, string eventId)
    {
        lock (_lock)
        {
            return _handledBy.TryGetValue(Key(receiverName, eventId), out var handlers) ? [.. handlers] : [];
        }
    }

    // The same shape as WebhookKit's idempotency key: event ids are unique per receiver, not globally.
    private static string Key(string receiverName, string eventId) => $"{receiverName}:{eventId}";
}
