using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.PayPal;

/// <summary>
/// Any PayPal webhook event: the envelope every notification shares, with the resource it is about kept as raw JSON in
/// <see cref="Resource"/>. Every property is optional, so a verified event is never dead-lettered for a field PayPal omits.
/// </summary>
public sealed class PayPalEvent
{
    /// <summary>Gets or sets the event id, for example <c>WH-9UG43882HX7271132-6E0871324L7949614</c> (also <c>WebhookEvent.EventId</c>); the same on every retry.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the event type, for example <c>PAYMENT.CAPTURE.COMPLETED</c> (also <c>WebhookEvent.EventType</c>).</summary>
    public string? EventType { get; set; }

    /// <summary>Gets or sets the version of the event's format, for example <c>1.0</c>.</summary>
    public string? EventVersion { get; set; }

    /// <summary>Gets or sets the kind of resource the event is about, for example <c>capture</c> or <c>sale</c>.</summary>
    public string? ResourceType { get; set; }

    /// <summary>Gets or sets the version of the resource's format, for example <c>2.0</c>.</summary>
    public string? ResourceVersion { get; set; }

    /// <summary>Gets or sets PayPal's one-line summary, for example <c>Payment completed for $ 21.0 USD</c>.</summary>
    public string? Summary { get; set; }

    /// <summary>Gets or sets when the event was created.</summary>
    public DateTimeOffset? CreateTime { get; set; }

    /// <summary>Gets or sets the resource as raw JSON, or <see cref="JsonValueKind.Undefined"/> when absent. Read it with <c>Resource.Deserialize(MyJsonContext.Default.MyModel)</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Resource { get; set; }
}
