namespace WebhookKit;

/// <summary>A verified webhook event as a handler sees it: the typed payload and its delivery metadata.</summary>
/// <typeparam name="TPayload">The payload model.</typeparam>
public sealed class WebhookEvent<TPayload>
{
    internal WebhookEvent(WebhookDelivery delivery, TPayload payload, int attempt)
    {
        Delivery = delivery;
        Payload = payload;
        Attempt = attempt;
    }

    /// <summary>Gets the accepted delivery this event came from.</summary>
    /// <remarks>Its <see cref="WebhookDelivery.Body"/> is valid while the handler runs; see <see cref="RawBody"/>.</remarks>
    public WebhookDelivery Delivery { get; }

    /// <summary>Gets the provider name, for example <c>github</c>.</summary>
    public string Provider => Delivery.Provider;

    /// <summary>Gets the name of the receiver that accepted the delivery, for example <c>github</c> or <c>org-b</c>.</summary>
    public string ReceiverName => Delivery.ReceiverName;

    /// <summary>Gets the provider's event type, for example <c>push</c>, <c>customer.updated</c> or <c>Push Hook</c>.</summary>
    public string EventType => Delivery.EventType;

    /// <summary>Gets the provider's event id, stable across the provider's redeliveries.</summary>
    public string EventId => Delivery.EventId;

    /// <summary>Gets the time the delivery was accepted.</summary>
    public DateTimeOffset ReceivedAt => Delivery.ReceivedAt;

    /// <summary>Gets the attempt number of this handler run, starting at 1.</summary>
    public int Attempt { get; }

    /// <summary>Gets the typed payload.</summary>
    public TPayload Payload { get; }

    /// <summary>Gets the request body exactly as it was signed.</summary>
    /// <remarks>
    /// Valid until the handler's task completes: with the in-memory queue the body stays in a pooled buffer that is
    /// reused once the delivery is acknowledged. Copy it (<c>RawBody.ToArray()</c>) to keep it beyond that.
    /// </remarks>
    public ReadOnlyMemory<byte> RawBody => Delivery.Body;

    /// <summary>Gets the provider headers kept for handlers (never the signature or token headers).</summary>
    public IReadOnlyDictionary<string, string> Headers => Delivery.Headers;
}
