using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// Holds one receiver's current <see cref="WebhookReceiver"/> and replaces it when its options change. A receiver is
/// immutable (provider, guard and settings built from one options instance) and is swapped as one reference, so a
/// request, which reads it once, sees the old secrets or the new ones, never a mix. An invalid reload is refused with
/// an error log and the last valid receiver is kept.
/// </summary>
internal sealed class WebhookReceiverReloader : IDisposable
{
    private readonly WebhookReceiverReloadSource _source;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private readonly List<IDisposable> _registrations = [];
    private WebhookReceiver _current;
    private bool _disposed;

    public WebhookReceiverReloader(WebhookReceiver initial, WebhookReceiverReloadSource source, ILogger logger)
    {
        _current = initial;
        _source = source;
        _logger = logger;
        foreach (var changeToken in source.ChangeTokens)
        {
            _registrations.Add(ChangeToken.OnChange(changeToken, Reload));
        }
    }

    /// <summary>The receiver requests use now.</summary>
    public WebhookReceiver Current => Volatile.Read(ref _current);

    /// <summary>Rebuilds the receiver from fresh options; keeps the current one when they are not valid.</summary>
    public void Reload()
    {
        // Serialized, and each reload reads the configuration as it is now, so the last one to run sees the last change.
        lock (_reloadLock)
        {
            if (_disposed)
            {
                return;
            }

            var name = _current.Name;
            WebhookReceiver next;
            try
            {
                next = _source.Build();
            }
            catch (OptionsValidationException exception)
            {
                // The failures name the receiver and the configuration key, never a secret's value.
                Log.ReceiverReloadInvalid(_logger, name, _source.ConfigurationKey, string.Join(" ", exception.Failures));
                return;
            }
#pragma warning disable CA1031 // A reload runs on a configuration callback: whatever fails, the last valid receiver stays.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                // By type only: a binder's message quotes the configuration value it could not convert.
                Log.ReceiverReloadFailed(_logger, name, _source.ConfigurationKey, exception.GetType().FullName ?? exception.GetType().Name);
                return;
            }

            Volatile.Write(ref _current, next);
            Log.ReceiverReloaded(_logger, name, _source.ConfigurationKey);
        }
    }

    public void Dispose()
    {
        lock (_reloadLock)
        {
            _disposed = true;
        }

        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
