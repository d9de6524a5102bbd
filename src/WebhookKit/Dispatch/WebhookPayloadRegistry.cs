using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookKit.Dispatch;

/// <summary>
/// Answers, per provider and event type, which payload bindings have at least one handler. Built once at
/// startup; the receive path uses it to acknowledge events nobody handles without queueing them.
/// </summary>
internal sealed class WebhookPayloadRegistry
{
    /// <summary>The <c>webhookkit.event_type</c> tag of an event type no payload model is registered for.</summary>
    public const string OtherEventType = "other";

    private readonly FrozenDictionary<string, ProviderBindings> _byProvider;

    // Provider → the registered spelling of every event type a payload model is bound to (handled or not).
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _registeredTypes;

    public WebhookPayloadRegistry(
        IEnumerable<WebhookPayloadBinding> bindings,
        IEnumerable<WebhookHandlerRegistration> handlers,
        IServiceProviderIsService isService)
    {
        var all = bindings.ToList();
        var handled = all.Where(binding => isService.IsService(binding.HandlerServiceType)).ToList();
        _byProvider = handled
            .GroupBy(binding => binding.Provider, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(group => group.Key, group => new ProviderBindings([.. group]), StringComparer.OrdinalIgnoreCase);

        _registeredTypes = all
            .Where(binding => binding.EventType is not null)
            .GroupBy(binding => binding.Provider, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(
                group => group.Key,
                group => group.GroupBy(binding => binding.EventType!, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(types => types.Key, types => types.Key, StringComparer.OrdinalIgnoreCase),
                StringComparer.OrdinalIgnoreCase);

        // A handler whose payload no provider produces would silently never run: fail at startup instead.
        var known = all.Select(binding => binding.PayloadType).ToHashSet();
        foreach (var registration in handlers)
        {
            if (!known.Contains(registration.PayloadType))
            {
                throw new InvalidOperationException(
                    $"Webhook handler '{registration.HandlerType.FullName}' handles '{registration.PayloadType.FullName}', but no registered receiver produces that payload. {ProducerHint(registration.PayloadType)}");
            }
        }
    }

    /// <summary>
    /// What to add for a payload nobody produces: a built-in model lives in its provider's namespace
    /// (<c>WebhookKit.Shopify.ShopifyOrder</c> comes from <c>AddShopify()</c>), any other needs its own registration.
    /// </summary>
    internal static string ProducerHint(Type payloadType)
    {
        const string Prefix = "WebhookKit.";
        var ns = payloadType.Namespace;
        if (ns is not null && ns.StartsWith(Prefix, StringComparison.Ordinal) && ns.IndexOf('.', Prefix.Length) < 0 && ns.Length > Prefix.Length)
        {
            var provider = ns[Prefix.Length..];
            return $"It is a model of the {provider} provider: add its receiver with Add{provider}({(provider == "Hmac" ? "…" : string.Empty)}) on AddWebhooks().";
        }

        return "Add the receiver of the provider that sends it, or register the payload type for that receiver's events with AddPayloadType<T>(…).";
    }

    /// <summary>Gets the bindings with handlers for an event; empty when nobody handles it.</summary>
    public WebhookPayloadBinding[] GetHandled(string provider, string eventType) =>
        _byProvider.TryGetValue(provider, out var bindings) ? bindings.Get(eventType) : [];

    /// <summary>
    /// Gets the registered spelling of an event type that a payload model is bound to, or <see langword="null"/> when
    /// none is (the event is unknown, or only a provider-wide model reads it). Event types can come from unsigned
    /// headers: only registered ones become metric tags or part of a body digest, so an attacker cannot mint new ones.
    /// </summary>
    public string? RegisteredEventType(string provider, string eventType) =>
        _registeredTypes.TryGetValue(provider, out var types) && types.TryGetValue(eventType, out var registered) ? registered : null;

    private sealed class ProviderBindings
    {
        private readonly FrozenDictionary<string, WebhookPayloadBinding[]> _byEventType;
        private readonly WebhookPayloadBinding[] _everyEvent;

        public ProviderBindings(WebhookPayloadBinding[] bindings)
        {
            _everyEvent = [.. bindings.Where(binding => binding.EventType is null)];
            _byEventType = bindings
                .Where(binding => binding.EventType is not null)
                .GroupBy(binding => binding.EventType!, StringComparer.OrdinalIgnoreCase)
                .ToFrozenDictionary(group => group.Key, group => (WebhookPayloadBinding[])[.. group, .. _everyEvent], StringComparer.OrdinalIgnoreCase);
        }

        public WebhookPayloadBinding[] Get(string eventType) =>
            _byEventType.TryGetValue(eventType, out var bindings) ? bindings : _everyEvent;
    }
}
