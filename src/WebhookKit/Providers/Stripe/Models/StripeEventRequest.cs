namespace WebhookKit.Stripe;

/// <summary>
/// The API request that caused a Stripe event.
/// </summary>
public sealed class StripeEventRequest
{
    /// <summary>Gets or sets the request id, for example <c>req_w9JioK0o4mriXj</c>; <see langword="null"/> for events not caused by an API request.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the idempotency key sent with the request, if any.</summary>
    public string? IdempotencyKey { get; set; }
}
