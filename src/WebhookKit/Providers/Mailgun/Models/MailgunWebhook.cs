using System.Text.Json.Serialization;

namespace WebhookKit.Mailgun;

/// <summary>
/// A Mailgun JSON webhook, as handlers receive it: the <see cref="Signature"/> block (already verified) and the
/// <see cref="EventData"/>. Every event type (<c>accepted</c>, <c>delivered</c>, <c>failed</c>, <c>opened</c>,
/// <c>clicked</c>, <c>unsubscribed</c>, <c>complained</c>, …) reads into it; the type is also the delivery's
/// <c>WebhookEvent.EventType</c>.
/// </summary>
public sealed class MailgunWebhook
{
    /// <summary>Gets or sets the signature block: <c>timestamp</c>, <c>token</c> (the delivery's event id), <c>signature</c>.</summary>
    /// <remarks>Null when the payload is a form post's, whose <c>signature</c> is a plain string.</remarks>
    [JsonConverter(typeof(MailgunSignatureJsonConverter))]
    public MailgunSignature? Signature { get; set; }

    /// <summary>Gets or sets the event. Not covered by the signature (see SECURITY.md).</summary>
    public MailgunEventData? EventData { get; set; }
}
