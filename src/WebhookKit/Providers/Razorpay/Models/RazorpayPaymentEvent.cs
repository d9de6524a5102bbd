using System.Text.Json.Serialization;

namespace WebhookKit.Razorpay;

/// <summary>
/// A Razorpay event that carries a payment: <c>payment.authorized</c>, <c>payment.captured</c>, <c>payment.failed</c>
/// and <c>order.paid</c> (which also carries the order). The payment is a snapshot taken when the event occurred.
/// </summary>
public sealed class RazorpayPaymentEvent
{
    /// <summary>Gets or sets the merchant account the event belongs to.</summary>
    public string? AccountId { get; set; }

    /// <summary>Gets or sets the event type, for example <c>payment.captured</c>.</summary>
    [JsonPropertyName("event")]
    public string? EventType { get; set; }

    /// <summary>Gets or sets the names of the entities in <see cref="Payload"/>.</summary>
    public IReadOnlyList<string>? Contains { get; set; }

    /// <summary>Gets or sets the event's entities.</summary>
    public RazorpayPaymentEventPayload? Payload { get; set; }

    /// <summary>Gets or sets when the event was created, in Unix seconds.</summary>
    public long CreatedAt { get; set; }
}
