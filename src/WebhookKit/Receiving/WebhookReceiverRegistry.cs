using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace WebhookKit.Receiving;

/// <summary>Receiver name → provider instance, built once at startup (so a misconfigured receiver fails the boot).</summary>
internal sealed class WebhookReceiverRegistry
{
    private readonly FrozenDictionary<string, WebhookReceiver> _receivers;

    public WebhookReceiverRegistry(IEnumerable<WebhookReceiverRegistration> registrations, IServiceProvider services)
    {
        var receivers = new Dictionary<string, WebhookReceiver>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            if (receivers.ContainsKey(registration.Name))
            {
                throw new InvalidOperationException($"Webhook receiver '{registration.Name}' is registered more than once. Give each receiver its own name.");
            }

            var options = registration.OptionsFactory?.Invoke(services);
            var guard = WebhookReceiverGuard.Create(options);
            var provider = registration.ProviderFactory(services);

            // What the provider can check before the body is read is resolved here, once, never per request.
            receivers[registration.Name] = new WebhookReceiver(registration.Name, provider, guard, options?.DeduplicateByBody ?? true, RequiredHeaders.For(provider));
        }

        _receivers = receivers.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _receivers.Count;

    public bool TryGet(string name, [NotNullWhen(true)] out WebhookReceiver? receiver) => _receivers.TryGetValue(name, out receiver);
}

/// <summary>
/// A receiver's registered (canonical) name, its provider, its transport guard (<see langword="null"/> when it has none),
/// whether deliveries with unsigned ids are also deduplicated by body (<see cref="WebhookReceiverOptions.DeduplicateByBody"/>),
/// and the headers its provider requires before the body is read (<see cref="IWebhookProviderPrecheck"/>).
/// </summary>
internal sealed record WebhookReceiver(string Name, IWebhookProvider Provider, WebhookReceiverGuard? Guard = null, bool DeduplicateByBody = true, RequiredHeaders? Precheck = null)
{
    /// <summary>Gets the provider's required headers, <see cref="RequiredHeaders.None"/> when it declares none.</summary>
    public RequiredHeaders Precheck { get; init; } = Precheck ?? RequiredHeaders.None;
}
