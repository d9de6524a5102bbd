namespace WebhookKit.Razorpay;

/// <summary>The entities of a <see cref="RazorpayPaymentEvent"/>: each is wrapped as Razorpay sends it, <c>{"entity":{…}}</c>.</summary>
public sealed class RazorpayPaymentEventPayload
{
    /// <summary>Gets or sets the payment.</summary>
    public RazorpayEntity<RazorpayPayment>? Payment { get; set; }

    /// <summary>Gets or sets the order, for <c>order.paid</c>.</summary>
    public RazorpayEntity<RazorpayOrder>? Order { get; set; }
}
