using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;

namespace WebhookKit.Receiving;

/// <summary>
/// Receiver name → provider instance, built at startup (so a misconfigured receiver fails the boot) and rebuilt by
/// <see cref="WebhookReceiverReloader"/> when a receiver's options reload (secret rotation without a restart; for an
/// <c>AddReceiver</c> receiver, its transport guards).
/// </summary>
internal sealed class WebhookReceiverRegistry : IDisposable
{
    private readonly FrozenDictionary<string, Entry> _receivers;

    public WebhookReceiverRegistry(IEnumerable<WebhookReceiverRegistration> registrations, IServiceProvider services, ILogger<WebhookReceiverRegistry> logger)
    {
        var receivers = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        try
        {
            foreach (var registration in registrations)
            {
                if (receivers.ContainsKey(registration.Name))
                {
                    throw new InvalidOperationException($"Webhook receiver '{registration.Name}' is registered more than once. Give each receiver its own name.");
                }

                var receiver = registration.Create(services);
                if (registration.ReloadSource is { } reloadSource)
                {
                    receivers[registration.Name] = new Entry(null, new WebhookReceiverReloader(receiver, reloadSource(services, receiver), logger));
                }
                else
                {
                    receivers[registration.Name] = new Entry(receiver, null);
                }
            }
        }
        catch
        {
            foreach (var entry in receivers.Values)
            {
                entry.Reloader?.Dispose();
            }

            throw;
        }

        _receivers = receivers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _receivers.Count;

    /// <summary>Gets every receiver as it is now, by name.</summary>
    public IEnumerable<WebhookReceiver> All => _receivers.Values.Select(static entry => entry.Reloader?.Current ?? entry.Fixed!).OrderBy(static r => r.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The receiver as it is now; a request reads it once and keeps it, so it never sees two option sets.</summary>
    public bool TryGet(string name, [NotNullWhen(true)] out WebhookReceiver? receiver)
    {
        if (_receivers.TryGetValue(name, out var entry))
        {
            receiver = entry.Reloader?.Current ?? entry.Fixed!;
            return true;
        }

        receiver = null;
        return false;
    }

    /// <summary>Stops listening for option changes.</summary>
    public void Dispose()
    {
        foreach (var entry in _receivers.Values)
        {
            entry.Reloader?.Dispose();
        }
    }

    /// <summary>
    /// Builds an immutable receiver (provider, guard, settings) from a built-in receiver's options: its transport guards
    /// are part of them (<see cref="WebhookReceiverOptions.RequireHttps"/>, <see cref="WebhookReceiverOptions.AllowedIpRanges"/>).
    /// </summary>
    internal static WebhookReceiver Build(string name, IWebhookProvider provider, WebhookReceiverOptions options) =>
        Build(name, provider, options.Transport, options.DeduplicateByBody) with { MaxBodyBytes = options.MaxBodyBytes, ProviderMaxBodyBytes = options.ProviderMaxBodyBytes, SecretCount = options.SecretCount };

    /// <summary>
    /// Builds an immutable receiver from its provider and transport guards; every receiver is built here, so every
    /// receiver is guarded. What the provider can check before the body is read is resolved here, once per build, never
    /// per request.
    /// </summary>
    internal static WebhookReceiver Build(string name, IWebhookProvider provider, WebhookTransportOptions transport, bool deduplicateByBody = true) =>
        new(name, provider, WebhookReceiverGuard.Create(transport), deduplicateByBody, RequiredHeaders.For(provider));

    /// <summary>A receiver that never changes (registered without a reload source), or its reloader.</summary>
    private sealed record Entry(WebhookReceiver? Fixed, WebhookReceiverReloader? Reloader);
}
