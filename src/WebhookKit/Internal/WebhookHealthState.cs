namespace WebhookKit.Internal;

/// <summary>What the health check needs to know that no store exposes: how many deliveries were dead-lettered.</summary>
internal sealed class WebhookHealthState
{
    private long _deadLettered;
    private long _deadLetteredAtLastCheck;

    public long DeadLetteredTotal => Interlocked.Read(ref _deadLettered);

    public void DeadLettered() => Interlocked.Increment(ref _deadLettered);

    /// <summary>True when deliveries were dead-lettered since the previous call (the previous health check).</summary>
    public bool DeadLettersGrewSinceLastCheck()
    {
        var now = DeadLetteredTotal;
        return Interlocked.Exchange(ref _deadLetteredAtLastCheck, now) < now;
    }
}
