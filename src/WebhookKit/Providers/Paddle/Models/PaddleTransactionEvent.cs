namespace WebhookKit.Paddle;

/// <summary>
/// A Paddle Billing <c>transaction.*</c> event (<c>created</c>, <c>updated</c>, <c>ready</c>, <c>billed</c>, <c>paid</c>,
/// <c>completed</c>, <c>canceled</c>, <c>past_due</c>, <c>payment_failed</c>, <c>revised</c>): the transaction as it was
/// when the event occurred.
/// </summary>
public sealed class PaddleTransactionEvent
{
    /// <summary>Gets or sets the event id, for example <c>evt_01h7ht60jy5hpdv5x8tfsaxje4</c> (also <c>WebhookEvent.EventId</c>).</summary>
    public string? EventId { get; set; }

    /// <summary>Gets or sets the event type, for example <c>transaction.completed</c> (also <c>WebhookEvent.EventType</c>).</summary>
    public string? EventType { get; set; }

    /// <summary>Gets or sets when the event occurred.</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    /// <summary>Gets or sets the id of this notification (one per destination and event), for example <c>ntf_01h7ht60n4grsa2a5ddd54h1j0</c>.</summary>
    public string? NotificationId { get; set; }

    /// <summary>Gets or sets the transaction.</summary>
    public PaddleTransaction? Data { get; set; }
}
