using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Twilio;

/// <summary>
/// A Twilio webhook's form parameters (a message or call status callback, an incoming message, or a product's
/// <c>EventType</c> callback), as handlers receive them. Every parameter without a property here is in
/// <see cref="Parameters"/>. Twilio sends every form value as a string.
/// </summary>
/// <remarks>
/// A JSON delivery (signed with <c>bodySHA256</c>) is read the same way: a top-level number or boolean under one of
/// these names is read as its text, and every other member is in <see cref="Parameters"/>. A JSON body that is not an
/// object, such as the array of CloudEvents an Event Streams webhook sink sends, reads as an event with no parameters;
/// its content is the delivery's raw body (<c>WebhookEvent.RawBody</c>).
/// </remarks>
[JsonConverter(typeof(TwilioEventJsonConverter))]
public sealed class TwilioEvent
{
    /// <summary>Gets or sets the account the webhook belongs to.</summary>
    public string? AccountSid { get; set; }

    /// <summary>Gets or sets the Twilio API version of the webhook.</summary>
    public string? ApiVersion { get; set; }

    /// <summary>Gets or sets the product event type, for example <c>onMessageAdded</c>, for products that send one.</summary>
    public string? EventType { get; set; }

    /// <summary>Gets or sets the message id, for messaging webhooks.</summary>
    public string? MessageSid { get; set; }

    /// <summary>Gets or sets the message id under its legacy name, for messaging webhooks.</summary>
    public string? SmsSid { get; set; }

    /// <summary>Gets or sets the messaging service the message belongs to, if any.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>Gets or sets the message status, for example <c>delivered</c>, for message status callbacks.</summary>
    public string? MessageStatus { get; set; }

    /// <summary>Gets or sets the message status under its legacy name, for example <c>received</c> for an incoming message.</summary>
    public string? SmsStatus { get; set; }

    /// <summary>Gets or sets the call id, for voice webhooks.</summary>
    public string? CallSid { get; set; }

    /// <summary>Gets or sets the call status, for example <c>completed</c>, for voice webhooks.</summary>
    public string? CallStatus { get; set; }

    /// <summary>Gets or sets the sender: a phone number, a client or a channel address.</summary>
    public string? From { get; set; }

    /// <summary>Gets or sets the recipient: a phone number, a client or a channel address.</summary>
    public string? To { get; set; }

    /// <summary>Gets or sets the text of an incoming message.</summary>
    public string? Body { get; set; }

    /// <summary>Gets or sets the direction of a call or message, for example <c>inbound</c>.</summary>
    public string? Direction { get; set; }

    /// <summary>Gets or sets the error code of a failed message or call, when there is one.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Gets every other parameter, by name (each a JSON string for a form delivery; any JSON value for a JSON one).</summary>
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Settable, as every payload model property is, so tests can build one.")]
    public IDictionary<string, JsonElement>? Parameters { get; set; }
}
