namespace WebhookKit.Receiving;

/// <summary>
/// Counts the request buffer bytes held, across all requests, by bodies not yet verified, against
/// <see cref="WebhookOptions.MaxUnverifiedBytes"/>. An unverified request may cost memory only in proportion to the
/// bytes it actually sent, and all of them together no more than this bound (docs/architecture.md, "Bounded cost of
/// unverified requests").
/// </summary>
internal sealed class UnverifiedBodyBudget(long limit)
{
    private long _held;

    /// <summary>Gets the bytes reserved now; reported as the <c>webhookkit.receive.unverified_bytes</c> gauge.</summary>
    public long Held => Volatile.Read(ref _held);

    /// <summary>Reserves <paramref name="bytes"/> unless that would pass the limit.</summary>
    public bool TryReserve(long bytes)
    {
        if (Interlocked.Add(ref _held, bytes) <= limit)
        {
            return true;
        }

        Interlocked.Add(ref _held, -bytes);
        return false;
    }

    /// <summary>Gives back bytes reserved with <see cref="TryReserve"/>.</summary>
    public void Release(long bytes) => Interlocked.Add(ref _held, -bytes);
}
