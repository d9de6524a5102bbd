using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.SendGrid;

/// <summary>
/// One event of a SendGrid Event Webhook batch: the fields every event has, those of the delivery events
/// (<c>processed</c>, <c>dropped</c>, <c>deferred</c>, <c>delivered</c>, <c>bounce</c>) and those of the engagement
/// events (<c>open</c>, <c>click</c>, <c>spamreport</c>, <c>unsubscribe</c>, <c>group_unsubscribe</c>,
/// <c>group_resubscribe</c>); a field an event does not have is <see langword="null"/>. Everything else, such as the
/// custom arguments a message was sent with, is in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class SendGridEvent
{
    /// <summary>Gets or sets the recipient's email address.</summary>
    public string? Email { get; set; }

    /// <summary>Gets or sets when the event happened, in Unix seconds.</summary>
    public long Timestamp { get; set; }

    /// <summary>Gets or sets the kind of event, for example <c>delivered</c>, <c>bounce</c> or <c>open</c>.</summary>
    public string? Event { get; set; }

    /// <summary>Gets or sets the event's unique id, the key to deduplicate events by (SendGrid may send one more than once).</summary>
    public string? SgEventId { get; set; }

    /// <summary>Gets or sets the id of the message the event is about.</summary>
    public string? SgMessageId { get; set; }

    /// <summary>Gets or sets the SMTP <c>Message-ID</c> of the message, for delivery events.</summary>
    [JsonPropertyName("smtp-id")]
    public string? SmtpId { get; set; }

    /// <summary>Gets or sets the message's categories (SendGrid sends one as a string, several as an array).</summary>
    [JsonConverter(typeof(SendGridCategoryJsonConverter))]
    public IReadOnlyList<string>? Category { get; set; }

    /// <summary>Gets or sets why a message was dropped, bounced or deferred.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets the SMTP status code of a bounce, for example <c>5.0.0</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the receiving server's full response, for <c>delivered</c> and <c>deferred</c>.</summary>
    public string? Response { get; set; }

    /// <summary>Gets or sets the number of delivery attempts, for <c>deferred</c> (SendGrid sends it as a string).</summary>
    public int? Attempt { get; set; }

    /// <summary>Gets or sets the kind of a <c>bounce</c>: <c>bounce</c> or <c>blocked</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets SendGrid's classification of a bounce, for example <c>Invalid Address</c>.</summary>
    public string? BounceClassification { get; set; }

    /// <summary>Gets or sets the link that was clicked, for <c>click</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the IP address of the recipient's client, for engagement events.</summary>
    public string? Ip { get; set; }

    /// <summary>Gets or sets the user agent of the recipient's client, for engagement events.</summary>
    [JsonPropertyName("useragent")]
    public string? UserAgent { get; set; }

    /// <summary>Gets or sets the unsubscribe group, for <c>group_unsubscribe</c> and <c>group_resubscribe</c>.</summary>
    public int? AsmGroupId { get; set; }

    /// <summary>Gets or sets every other property of the event: custom arguments, marketing campaign fields, fields SendGrid adds later.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
