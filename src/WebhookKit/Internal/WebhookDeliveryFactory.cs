using Microsoft.AspNetCore.Http;

namespace WebhookKit.Internal;

/// <summary>Creates deliveries with unique, time-ordered ids.</summary>
internal sealed class WebhookDeliveryFactory(TimeProvider timeProvider)
{
    public string NewDeliveryId() => NewId(timeProvider.GetUtcNow());

    /// <summary>
    /// A delivery of a verified event whose <c>body</c> is a copy it owns or the request's pooled buffer; <c>pooledBody</c>
    /// is set when the queue returns that buffer at acknowledgement; <c>recentHeaderValues</c> is the receiver's
    /// (<see cref="Receiving.WebhookReceiver.RecentHeaderValues"/>); <c>eventType</c> is the result's, or the registry's
    /// string of it; <c>keys</c> is the list the keys were claimed with, when they were, else <c>replayKey</c> the body's key.
    /// </summary>
    public WebhookDelivery Create(
        string deliveryId,
        string receiverName,
        IWebhookProvider provider,
        string?[] recentHeaderValues,
        in WebhookProviderResult result,
        string eventType,
        ReadOnlyMemory<byte> body,
        PooledBody? pooledBody,
        IHeaderDictionary requestHeaders,
        string? traceParent,
        Idempotency.IdempotencyKeyList? keys = null,
        string? replayKey = null)
    {
        var payload = result.Payload ?? body;
        var headers = ForwardedHeaders.Create(provider.ForwardedHeaders, requestHeaders, recentHeaderValues);
        return new WebhookDelivery(deliveryId, receiverName, provider.Name, eventType, result.EventId!, timeProvider.GetUtcNow(), body, payload, headers)
        {
            TraceParent = traceParent,
            ReplayKey = replayKey,
            PooledBody = pooledBody,
            ClaimedKeys = keys,
        };
    }

    public WebhookDelivery CreateReplay(WebhookDelivery original) =>
        new(NewId(timeProvider.GetUtcNow()), original.ReceiverName, original.Provider, original.EventType, original.EventId, original.ReceivedAt, original.Body, original.Payload, original.Headers)
        {
            TraceParent = original.TraceParent,
            ReplayKey = original.ReplayKey,
            ReplayOf = original.DeliveryId,
        };

    private static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");

    /// <summary>
    /// The headers a provider forwards, as one delivery holds them: the provider's list of names (shared by every
    /// delivery) and this delivery's values (<see langword="null"/> where the request had none). Looked up without
    /// regard to case, like HTTP header names. For the handful of headers a provider forwards this is two small
    /// allocations instead of a dictionary's three larger ones and a hash of every name.
    /// </summary>
    /// <remarks>
    /// A value equal to the one the last delivery of the same receiver had is that delivery's string, not the request's
    /// (most of them repeat: the hook's id, its target, the user agent, the event type), so that a delivery waiting in a
    /// burst keeps no strings of its own but the few that differ (docs/performance.md, "Bursts"). One string per name is
    /// kept, whatever the requests send.
    /// </remarks>
    private sealed class ForwardedHeaders : IReadOnlyDictionary<string, string>
    {
        private readonly IReadOnlyList<string> _names;
        private readonly string?[] _values;

        private ForwardedHeaders(IReadOnlyList<string> names, string?[] values, int count)
        {
            _names = names;
            _values = values;
            Count = count;
        }

        public int Count { get; }

        public IEnumerable<string> Keys => this.Select(static pair => pair.Key);

        public IEnumerable<string> Values => this.Select(static pair => pair.Value);

        public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The header '{key}' was not forwarded.");

        public static IReadOnlyDictionary<string, string> Create(IReadOnlyList<string> names, IHeaderDictionary requestHeaders, string?[] recentValues)
        {
            if (names.Count == 0)
            {
                return System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
            }

            var values = new string?[names.Count];
            var count = 0;
            for (var i = 0; i < values.Length; i++)
            {
                var value = requestHeaders[names[i]];
                if (value.Count > 0)
                {
                    var text = value.ToString();
                    if (i < recentValues.Length)
                    {
                        var recent = Volatile.Read(ref recentValues[i]);
                        if (string.Equals(text, recent, StringComparison.Ordinal))
                        {
                            text = recent;
                        }
                        else
                        {
                            Volatile.Write(ref recentValues[i], text);
                        }
                    }

                    values[i] = text;
                    count++;
                }
            }

            return new ForwardedHeaders(names, values, count);
        }

        public bool ContainsKey(string key) => TryGetValue(key, out _);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
        {
            ArgumentNullException.ThrowIfNull(key);
            for (var i = 0; i < _values.Length; i++)
            {
                if (_values[i] is { } present && string.Equals(_names[i], key, StringComparison.OrdinalIgnoreCase))
                {
                    value = present;
                    return true;
                }
            }

            value = null;
            return false;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
        {
            for (var i = 0; i < _values.Length; i++)
            {
                if (_values[i] is { } present)
                {
                    yield return new KeyValuePair<string, string>(_names[i], present);
                }
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
