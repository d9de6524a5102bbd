using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Mailgun;

/// <summary>
/// The <c>event-data</c> of a Mailgun webhook: the fields of the delivery events (<c>accepted</c>, <c>delivered</c>,
/// <c>failed</c>) and of the engagement events (<c>opened</c>, <c>clicked</c>, <c>unsubscribed</c>, <c>complained</c>);
/// a field an event does not have is <see langword="null"/>, and everything else is in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class MailgunEventData
{
    /// <summary>Gets or sets the kind of event, for example <c>delivered</c> or <c>failed</c>.</summary>
    public string? Event { get; set; }

    /// <summary>Gets or sets Mailgun's id of the event (not signed; <see cref="MailgunSignature.Token"/> is the delivery's id).</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets when the event happened, in Unix seconds with a fraction.</summary>
    public double? Timestamp { get; set; }

    /// <summary>Gets or sets the log level: <c>info</c>, <c>warn</c> (a temporary failure) or <c>error</c>.</summary>
    public string? LogLevel { get; set; }

    /// <summary>Gets or sets the recipient's address.</summary>
    public string? Recipient { get; set; }

    /// <summary>Gets or sets the recipient's domain.</summary>
    public string? RecipientDomain { get; set; }

    /// <summary>Gets or sets how bad a <c>failed</c> event is: <c>permanent</c> or <c>temporary</c>.</summary>
    public string? Severity { get; set; }

    /// <summary>Gets or sets why a message failed, for example <c>bounce</c> or <c>suppress-bounce</c>.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets the receiving server's answer, for delivery events.</summary>
    public MailgunDeliveryStatus? DeliveryStatus { get; set; }

    /// <summary>Gets or sets the message the event is about.</summary>
    public MailgunMessage? Message { get; set; }

    /// <summary>Gets or sets the message's tags.</summary>
    public IReadOnlyList<string>? Tags { get; set; }

    /// <summary>Gets or sets the custom variables the message was sent with (<c>v:</c> parameters).</summary>
    public IDictionary<string, JsonElement>? UserVariables { get; set; }

    /// <summary>Gets or sets the link that was clicked, for <c>clicked</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the IP address of the recipient's client, for engagement events.</summary>
    public string? Ip { get; set; }

    /// <summary>Gets or sets every other property: <c>envelope</c>, <c>flags</c>, <c>client-info</c>, <c>geolocation</c>, fields Mailgun adds later.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
