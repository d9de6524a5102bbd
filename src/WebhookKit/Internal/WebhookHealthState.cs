namespace WebhookKit.Internal;

/// <summary>What the health check needs to know that no store exposes: how many deliveries were dead-lettered, and when the last was.</summary>
internal sealed class WebhookHealthState(TimeProvider timeProvider)
{
    private const long Never = long.MinValue;

    private long _deadLettered;
    private long _lastDeadLetteredTicks = Never;

    public long DeadLetteredTotal => Interlocked.Read(ref _deadLettered);

    /// <summary>Gets when the last delivery was dead-lettered, or <see langword="null"/>.</summary>
    public DateTimeOffset? LastDeadLetteredAt => Interlocked.Read(ref _lastDeadLetteredTicks) is var ticks and not Never
        ? new DateTimeOffset(ticks, TimeSpan.Zero)
        : null;

    public void DeadLettered()
    {
        Interlocked.Exchange(ref _lastDeadLetteredTicks, timeProvider.GetUtcNow().UtcTicks);
        Interlocked.Increment(ref _deadLettered);
    }

    /// <summary>
    /// Whether a delivery was dead-lettered within <paramref name="window"/> before now. Reading changes nothing, so every
    /// caller (a probe and a monitor) gets the same answer.
    /// </summary>
    public bool DeadLetteredWithin(TimeSpan window) =>
        LastDeadLetteredAt is { } last && timeProvider.GetUtcNow() - last < window;
}
