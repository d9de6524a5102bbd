using System.Globalization;
using System.Text.Json.Serialization;

namespace WebhookKit.Shopify;

/// <summary>
/// The fields most Shopify webhook payloads (REST resources) have in common; reads any topic's payload. The topic is
/// the delivery's event type (<c>WebhookEvent.EventType</c>); the raw body is <c>WebhookEvent.RawBody</c>.
/// </summary>
public sealed class ShopifyEvent
{
    /// <summary>
    /// Gets or sets the id of the resource the payload describes, when it has one. Most resources have a number
    /// (<c>820982911946154508</c>, kept here as its digits); some, such as carts, a string token
    /// (<c>eeafa272cebfd4b22385bc4b645e762c</c>). Use <see cref="NumericId"/> for the number.
    /// </summary>
    [JsonConverter(typeof(ShopifyIdJsonConverter))]
    public string? Id { get; set; }

    /// <summary>Gets <see cref="Id"/> as a number, or <see langword="null"/> when the resource has no id or a string token for one.</summary>
    [JsonIgnore]
    public long? NumericId =>
        long.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Gets or sets the resource's GraphQL Admin API id, for example <c>gid://shopify/Order/820982911946154508</c>.</summary>
    public string? AdminGraphqlApiId { get; set; }

    /// <summary>Gets or sets when the resource was created, when the payload says.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the resource was last updated, when the payload says.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}
