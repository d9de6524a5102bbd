namespace WebhookKit.Mailgun;

/// <summary>The receiving server's answer to a delivery attempt (<c>event-data.delivery-status</c>).</summary>
public sealed class MailgunDeliveryStatus
{
    /// <summary>Gets or sets the SMTP code, for example <c>250</c> or <c>550</c>.</summary>
    public int? Code { get; set; }

    /// <summary>Gets or sets the server's message.</summary>
    public string? Message { get; set; }

    /// <summary>Gets or sets Mailgun's description of the outcome.</summary>
    public string? Description { get; set; }

    /// <summary>Gets or sets which attempt this was.</summary>
    public int? AttemptNo { get; set; }
}
