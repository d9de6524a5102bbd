using Microsoft.AspNetCore.Http;

namespace WebhookKit.Internal;

/// <summary>Creates deliveries with unique, time-ordered ids and their own copy of the body.</summary>
internal sealed class WebhookDeliveryFactory(TimeProvider timeProvider)
{
    public string NewDeliveryId() => NewId(timeProvider.GetUtcNow());

    public WebhookDelivery Create(
        string deliveryId,
        string receiverName,
        IWebhookProvider provider,
        in WebhookProviderResult result,
        ReadOnlySpan<byte> pooledBody,
        IHeaderDictionary requestHeaders)
    {
        var now = timeProvider.GetUtcNow();
        // The request buffer goes back to the pool; the queued delivery owns an exact-size copy.
        var body = pooledBody.ToArray();
        ReadOnlyMemory<byte> payload = result.Payload ?? body;

        var forwarded = provider.ForwardedHeaders;
        var headers = new Dictionary<string, string>(forwarded.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var name in forwarded)
        {
            var value = requestHeaders[name];
            if (value.Count > 0)
            {
                headers[name] = value.ToString();
            }
        }

        return new WebhookDelivery(deliveryId, receiverName, provider.Name, result.EventType!, result.EventId!, now, body, payload, headers);
    }

    public WebhookDelivery CreateReplay(WebhookDelivery original) =>
        new(NewId(timeProvider.GetUtcNow()), original.ReceiverName, original.Provider, original.EventType, original.EventId, original.ReceivedAt, original.Body, original.Payload, original.Headers);

    private static string NewId(DateTimeOffset now) => Guid.CreateVersion7(now).ToString("N");
}
