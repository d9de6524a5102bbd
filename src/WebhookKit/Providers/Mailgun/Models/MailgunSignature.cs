namespace WebhookKit.Mailgun;

/// <summary>The signature block of a Mailgun webhook: hex HMAC-SHA256 of <see cref="Timestamp"/> + <see cref="Token"/>.</summary>
public sealed class MailgunSignature
{
    /// <summary>Gets or sets when Mailgun signed, in Unix seconds, as sent (a string).</summary>
    public string? Timestamp { get; set; }

    /// <summary>Gets or sets the random token (50 characters), new for each delivery and repeated on its retries: the event id.</summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets the hex signature.</summary>
    public string? Signature { get; set; }
}
