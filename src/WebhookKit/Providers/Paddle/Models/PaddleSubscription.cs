using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Paddle;

/// <summary>The basics of a Paddle Billing subscription entity.</summary>
public sealed class PaddleSubscription
{
    /// <summary>Gets or sets the subscription id, for example <c>sub_01h7ht5z5wdg9pz18jx1fagp8k</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the status: <c>active</c>, <c>trialing</c>, <c>past_due</c>, <c>paused</c> or <c>canceled</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the customer id, for example <c>ctm_01h7hswb86rtps5ggbq7ybydcw</c>.</summary>
    public string? CustomerId { get; set; }

    /// <summary>Gets or sets the address id.</summary>
    public string? AddressId { get; set; }

    /// <summary>Gets or sets the business id, when the customer bought as a business.</summary>
    public string? BusinessId { get; set; }

    /// <summary>Gets or sets the currency code of the subscription's prices, for example <c>USD</c>.</summary>
    public string? CurrencyCode { get; set; }

    /// <summary>Gets or sets how the subscription is paid: <c>automatic</c> or <c>manual</c> (invoiced).</summary>
    public string? CollectionMode { get; set; }

    /// <summary>Gets or sets the id of the transaction that created the subscription.</summary>
    public string? TransactionId { get; set; }

    /// <summary>Gets or sets when the subscription was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the subscription was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Gets or sets when the subscription started.</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>Gets or sets when the subscription was first billed.</summary>
    public DateTimeOffset? FirstBilledAt { get; set; }

    /// <summary>Gets or sets when the subscription is next billed; <see langword="null"/> when it will not be.</summary>
    public DateTimeOffset? NextBilledAt { get; set; }

    /// <summary>Gets or sets when the subscription was paused, if it is.</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Gets or sets when the subscription was canceled, if it was.</summary>
    public DateTimeOffset? CanceledAt { get; set; }

    /// <summary>Gets or sets the items: each a price and a quantity.</summary>
    public IReadOnlyList<PaddleSubscriptionItem>? Items { get; set; }

    /// <summary>Gets or sets your own data attached to the subscription as raw JSON (an object or <c>null</c>), or <see cref="JsonValueKind.Undefined"/> when absent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement CustomData { get; set; }
}
