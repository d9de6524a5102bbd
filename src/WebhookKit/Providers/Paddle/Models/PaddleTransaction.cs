using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Paddle;

/// <summary>The basics of a Paddle Billing transaction entity.</summary>
public sealed class PaddleTransaction
{
    /// <summary>Gets or sets the transaction id, for example <c>txn_01h8dzxgkvdwemdhbpcapj2tbj</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the status: <c>draft</c>, <c>ready</c>, <c>billed</c>, <c>paid</c>, <c>completed</c>, <c>canceled</c> or <c>past_due</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the customer id.</summary>
    public string? CustomerId { get; set; }

    /// <summary>Gets or sets the address id.</summary>
    public string? AddressId { get; set; }

    /// <summary>Gets or sets the business id, when the customer bought as a business.</summary>
    public string? BusinessId { get; set; }

    /// <summary>Gets or sets the subscription the transaction belongs to, when it does.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>Gets or sets the invoice id, when one was issued.</summary>
    public string? InvoiceId { get; set; }

    /// <summary>Gets or sets the invoice number, when one was issued.</summary>
    public string? InvoiceNumber { get; set; }

    /// <summary>Gets or sets the currency code, for example <c>USD</c>.</summary>
    public string? CurrencyCode { get; set; }

    /// <summary>Gets or sets where the transaction came from, for example <c>web</c>, <c>api</c> or <c>subscription_recurring</c>.</summary>
    public string? Origin { get; set; }

    /// <summary>Gets or sets how the transaction is paid: <c>automatic</c> or <c>manual</c> (invoiced).</summary>
    public string? CollectionMode { get; set; }

    /// <summary>Gets or sets when the transaction was created.</summary>
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>Gets or sets when the transaction was last updated.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>Gets or sets when the transaction was billed, if it was.</summary>
    public DateTimeOffset? BilledAt { get; set; }

    /// <summary>Gets or sets the items: each a price and a quantity.</summary>
    public IReadOnlyList<PaddleTransactionItem>? Items { get; set; }

    /// <summary>Gets or sets the calculated details, such as the totals.</summary>
    public PaddleTransactionDetails? Details { get; set; }

    /// <summary>Gets or sets your own data attached to the transaction as raw JSON (an object or <c>null</c>), or <see cref="JsonValueKind.Undefined"/> when absent.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement CustomData { get; set; }
}
