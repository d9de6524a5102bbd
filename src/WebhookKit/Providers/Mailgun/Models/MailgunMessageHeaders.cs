namespace WebhookKit.Mailgun;

/// <summary>The headers of a message Mailgun reports on (<c>event-data.message.headers</c>).</summary>
public sealed class MailgunMessageHeaders
{
    /// <summary>Gets or sets the <c>Message-Id</c>, the key that ties an event to the message sent.</summary>
    public string? MessageId { get; set; }

    /// <summary>Gets or sets the <c>From</c> header.</summary>
    public string? From { get; set; }

    /// <summary>Gets or sets the <c>To</c> header.</summary>
    public string? To { get; set; }

    /// <summary>Gets or sets the <c>Subject</c> header.</summary>
    public string? Subject { get; set; }
}
