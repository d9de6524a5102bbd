namespace WebhookKit.Redis.Internal;

/// <summary>Life cycle: starting the background loops on first use, closing, flushing the last acknowledgements, disposing.</summary>
internal sealed partial class RedisStreamWebhookQueue
{
    private void EnsureStarted()
    {
        if (Volatile.Read(ref _reader) is not null)
        {
            return;
        }

        lock (_startGate)
        {
            if (_reader is not null || _closed)
            {
                return;
            }

            _renewer = Task.Run(() => RenewLoopAsync(_stopRenewing.Token), CancellationToken.None);
            _acknowledger = Task.Run(AcknowledgeLoopAsync, CancellationToken.None);
            Volatile.Write(ref _reader, Task.Run(() => ReadLoopAsync(_stopReading.Token), CancellationToken.None));
        }
    }

    public void Close()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        _closed = true;
        lock (_startGate)
        {
            if (_reader is null)
            {
                _buffer.Writer.TryComplete();
            }
        }

        _stopReading.Cancel();
    }

    /// <summary>Stops reading and renewing; idempotent, since the container may dispose the instance under two registrations.</summary>
    public async ValueTask DisposeAsync()
    {
        Close();
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_reader is { } reader)
        {
            await reader.ConfigureAwait(false);
        }

        await _appender.DisposeAsync().ConfigureAwait(false);
        await FlushStartsAsync().ConfigureAwait(false);

        // Acknowledgements still queued get one last try; whatever fails stays pending for a takeover.
        _acknowledgements.Writer.TryComplete();
        if (_acknowledger is { } acknowledger)
        {
            await acknowledger.ConfigureAwait(false);
        }

        await _stopRenewing.CancelAsync().ConfigureAwait(false);
        if (_renewer is { } renewer)
        {
            await renewer.ConfigureAwait(false);
        }

        _stopReading.Dispose();
        _stopRenewing.Dispose();
    }

    /// <summary>
    /// Sends the acknowledgements still queued and waits for Redis to confirm them (or for
    /// <paramref name="cancellationToken"/>); the dispatcher calls it at shutdown, once its workers stopped.
    /// Later acknowledgements (of handlers that outlived the shutdown timeout) leave their entries pending.
    /// </summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        _acknowledgements.Writer.TryComplete();
        if (_acknowledger is { } acknowledger)
        {
            try
            {
                await acknowledger.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutdown timeout: what is not confirmed stays pending in Redis for another instance.
            }
        }
    }

    /// <summary>Stops reading and renewing without waiting (a container disposed synchronously); prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        Close();
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _appender.Complete();
            _acknowledgements.Writer.TryComplete();
            _stopRenewing.Cancel();
        }
    }
}
