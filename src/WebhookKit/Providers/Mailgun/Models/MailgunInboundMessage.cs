using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Mailgun;

/// <summary>
/// A received message that a Mailgun route forwards as a form post (event type <c>inbound</c>): the form's fields,
/// every one a string. Fields not named here (attachment counts, <c>Message-Id</c>, …) are in <see cref="AdditionalProperties"/>.
/// </summary>
public sealed class MailgunInboundMessage
{
    /// <summary>Gets or sets the address the message was received for.</summary>
    public string? Recipient { get; set; }

    /// <summary>Gets or sets the envelope sender.</summary>
    public string? Sender { get; set; }

    /// <summary>Gets or sets the <c>From</c> header.</summary>
    public string? From { get; set; }

    /// <summary>Gets or sets the <c>Subject</c> header.</summary>
    public string? Subject { get; set; }

    /// <summary>Gets or sets the text part of the message.</summary>
    public string? BodyPlain { get; set; }

    /// <summary>Gets or sets the text part without quoted parts and signature.</summary>
    public string? StrippedText { get; set; }

    /// <summary>Gets or sets the HTML part of the message.</summary>
    public string? BodyHtml { get; set; }

    /// <summary>Gets or sets every header of the message, as Mailgun sends them: a JSON array of name and value pairs, in a string.</summary>
    public string? MessageHeaders { get; set; }

    /// <summary>Gets or sets every other field.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
