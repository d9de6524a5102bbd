using System.Text.Json.Serialization;

namespace WebhookKit.SendGrid;

/// <summary>
/// The events of one SendGrid Event Webhook delivery, in the order SendGrid sent them. SendGrid batches events, and a
/// batch may mix kinds: a handler looks at each event's <see cref="SendGridEvent.Event"/>. An event whose fields do
/// not fit <see cref="SendGridEvent"/> (a field of an unexpected JSON type) is kept, with every property in
/// <see cref="SendGridEvent.AdditionalProperties"/> and the string fields it could read, so one odd event never makes
/// the batch unreadable.
/// </summary>
[JsonConverter(typeof(SendGridEventBatchJsonConverter))]
public sealed class SendGridEventBatch
{
    /// <summary>Gets or sets the events.</summary>
    public IReadOnlyList<SendGridEvent> Events { get; set; } = [];
}
