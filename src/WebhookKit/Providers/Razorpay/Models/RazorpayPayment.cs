using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Razorpay;

/// <summary>The basics of a Razorpay payment entity. Amounts are integers in the currency's smallest unit (paise for INR).</summary>
public sealed class RazorpayPayment
{
    /// <summary>Gets or sets the payment id, for example <c>pay_DESlfW9H8K9uqM</c>.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the amount, in the smallest unit of <see cref="Currency"/>.</summary>
    public long Amount { get; set; }

    /// <summary>Gets or sets the currency code, for example <c>INR</c>.</summary>
    public string? Currency { get; set; }

    /// <summary>Gets or sets the status, for example <c>authorized</c>, <c>captured</c> or <c>failed</c>.</summary>
    public string? Status { get; set; }

    /// <summary>Gets or sets the order the payment is for, when there is one.</summary>
    public string? OrderId { get; set; }

    /// <summary>Gets or sets the invoice the payment is for, when there is one.</summary>
    public string? InvoiceId { get; set; }

    /// <summary>Gets or sets the payment method, for example <c>card</c>, <c>upi</c> or <c>netbanking</c>.</summary>
    public string? Method { get; set; }

    /// <summary>Gets or sets the amount refunded so far.</summary>
    public long AmountRefunded { get; set; }

    /// <summary>Gets or sets a value indicating whether the payment is captured.</summary>
    public bool Captured { get; set; }

    /// <summary>Gets or sets the customer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>Gets or sets the customer's phone number.</summary>
    public string? Contact { get; set; }

    /// <summary>Gets or sets the fee Razorpay charged, tax included, when known.</summary>
    public long? Fee { get; set; }

    /// <summary>Gets or sets the tax on the fee, when known.</summary>
    public long? Tax { get; set; }

    /// <summary>Gets or sets the error code of a failed payment.</summary>
    public string? ErrorCode { get; set; }

    /// <summary>Gets or sets the error description of a failed payment.</summary>
    public string? ErrorDescription { get; set; }

    /// <summary>
    /// Gets or sets the merchant's notes as raw JSON: an object of key-value pairs, or an empty array when there are
    /// none (Razorpay sends <c>[]</c> then), or <see cref="JsonValueKind.Undefined"/> when absent.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public JsonElement Notes { get; set; }

    /// <summary>Gets or sets when the payment was created, in Unix seconds.</summary>
    public long CreatedAt { get; set; }
}
