using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Paddle;

/// <summary>
/// Any Paddle Billing event: the envelope every notification shares, with the entity kept as raw JSON in
/// <see cref="Data"/>. Subscription and transaction events also bind to <see cref="PaddleSubscriptionEvent"/> and
/// <see cref="PaddleTransactionEvent"/>.
/// </summary>
public sealed class PaddleEvent
{
    /// <summary>Gets or sets the event id, for example <c>evt_01h7ht60jy5hpdv5x8tfsaxje4</c> (also <c>WebhookEvent.EventId</c>).</summary>
    public string? EventId { get; set; }

    /// <summary>Gets or sets the event type, for example <c>customer.created</c> (also <c>WebhookEvent.EventType</c>).</summary>
    public string? EventType { get; set; }

    /// <summary>Gets or sets when the event occurred.</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>Gets or sets the id of this notification (one per destination and event), for example <c>ntf_01h7ht60n4grsa2a5ddd54h1j0</c>.</summary>
    public string? NotificationId { get; set; }

    /// <summary>Gets or sets the entity the event is about as raw JSON, or <see cref="JsonValueKind.Undefined"/> when absent. Read it with <c>Data.Deserialize(MyJsonContext.Default.MyModel)</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Data { get; set; }
}
