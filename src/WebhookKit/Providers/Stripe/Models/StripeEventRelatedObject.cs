namespace WebhookKit.Stripe;

/// <summary>
/// The object a Stripe v2 thin event is about (its <c>related_object</c>): enough to fetch it from the API.
/// </summary>
public sealed class StripeEventRelatedObject
{
    /// <summary>Gets or sets the object's id, for example <c>mtr_123</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the object's type, for example <c>billing.meter</c>.</summary>
    public string? Type { get; set; }

    /// <summary>Gets or sets the API path to fetch the object from, for example <c>/v1/billing/meters/mtr_123</c>.</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the context (account) to fetch the object in, when it is not the event's own.</summary>
    public string? StripeContext { get; set; }
}
