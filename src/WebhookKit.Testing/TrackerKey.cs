namespace WebhookKit.Testing;

/// <summary>
/// What a wait is keyed by: an event id on one receiver, or on any receiver when <see cref="ReceiverName"/> is
/// <see langword="null"/>. Receiver names compare like the receiver registry's (ignoring case); event ids ordinally.
/// </summary>
internal readonly record struct TrackerKey(string? ReceiverName, string EventId)
{
    public bool Equals(TrackerKey other) =>
        string.Equals(ReceiverName, other.ReceiverName, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(EventId, other.EventId, StringComparison.Ordinal);

    public override int GetHashCode() =>
        HashCode.Combine(ReceiverName is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(ReceiverName), StringComparer.Ordinal.GetHashCode(EventId));

    public override string ToString() => ReceiverName is null ? $"'{EventId}' (any receiver)" : $"'{EventId}' on receiver '{ReceiverName}'";
}
