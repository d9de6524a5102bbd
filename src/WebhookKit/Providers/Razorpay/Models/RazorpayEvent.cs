using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Razorpay;

/// <summary>
/// Any Razorpay webhook event: the envelope every event shares, with the entities kept as raw JSON in
/// <see cref="Payload"/>. Payment events (<c>payment.*</c>, <c>order.paid</c>) also bind to <see cref="RazorpayPaymentEvent"/>.
/// </summary>
public sealed class RazorpayEvent
{
    /// <summary>Gets or sets the kind of object, <c>event</c>.</summary>
    public string? Entity { get; set; }

    /// <summary>Gets or sets the merchant account the event belongs to, for example <c>acc_BFQ7uQEaa7j2z7</c>.</summary>
    public string? AccountId { get; set; }

    /// <summary>Gets or sets the event type, for example <c>payment.captured</c> (also <c>WebhookEvent.EventType</c>).</summary>
    [JsonPropertyName("event")]
    public string? EventType { get; set; }

    /// <summary>Gets or sets the names of the entities in <see cref="Payload"/>, for example <c>payment</c> and <c>order</c>.</summary>
    public IReadOnlyList<string>? Contains { get; set; }

    /// <summary>Gets or sets the entities of the event as raw JSON (<c>{"payment":{"entity":{…}}}</c>), or <see cref="JsonValueKind.Undefined"/> when absent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Payload { get; set; }

    /// <summary>Gets or sets when the event was created, in Unix seconds.</summary>
    public long CreatedAt { get; set; }
}
