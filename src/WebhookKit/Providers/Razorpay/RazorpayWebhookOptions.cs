namespace WebhookKit.Razorpay;

/// <summary>
/// Options of a Razorpay receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:Razorpay</c> by default).
/// <see cref="WebhookReceiverOptions.Secrets"/> holds the webhook secret set in the Razorpay Dashboard. After a secret
/// is changed, Razorpay still signs retries of events created before the change with the old one, for up to 24 hours:
/// keep the old secret configured beside the new one until then.
/// </summary>
public sealed class RazorpayWebhookOptions : WebhookReceiverOptions;
