namespace WebhookKit.Mailgun;

/// <summary>The message an event is about (<c>event-data.message</c>).</summary>
public sealed class MailgunMessage
{
    /// <summary>Gets or sets the message's main headers.</summary>
    public MailgunMessageHeaders? Headers { get; set; }

    /// <summary>Gets or sets the message's size in bytes.</summary>
    public long? Size { get; set; }
}
