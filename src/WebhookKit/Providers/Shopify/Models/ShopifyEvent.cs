namespace WebhookKit.Shopify;

/// <summary>
/// The fields most Shopify webhook payloads (REST resources) have in common; reads any topic's payload. The topic is
/// the delivery's event type (<c>WebhookEvent.EventType</c>); the raw body is <c>WebhookEvent.RawBody</c>.
/// </summary>
public sealed class ShopifyEvent
{
    /// <summary>Gets or sets the id of the resource the payload describes, when it has one.</summary>
    public long? Id { get; set; }

    /// <summary>Gets or sets the resource's GraphQL Admin API id, for example <c>gid://shopify/Order/820982911946154508</c>.</summary>
    public string? AdminGraphqlApiId { get; set; }

    /// <summary>Gets or sets when the resource was created, when the payload says.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the resource was last updated, when the payload says.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}
