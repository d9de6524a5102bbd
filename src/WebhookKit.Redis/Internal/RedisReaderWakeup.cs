namespace WebhookKit.Redis.Internal;

/// <summary>
/// Wakes this instance's stream reader before its next poll: signalled by whatever appended an entry here (the receive
/// path, a dead-letter replay) or freed room in the prefetch buffer. Shared by the queue and the dead-letter store, so that
/// neither calls into the other.
/// </summary>
internal sealed class RedisReaderWakeup : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>Wakes the reader if it waits; a signal already given is not given twice.</summary>
    public void Signal()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
        catch (ObjectDisposedException)
        {
            // Disposed while stopping.
        }
    }

    /// <summary>Waits for a signal, at most <paramref name="timeout"/> (the poll interval).</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken stopping)
    {
        try
        {
            await _signal.WaitAsync(timeout, stopping).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while stopping.
        }
    }

    public void Dispose() => _signal.Dispose();
}
