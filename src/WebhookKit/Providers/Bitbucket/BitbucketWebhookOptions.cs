namespace WebhookKit.Bitbucket;

/// <summary>
/// Options of a Bitbucket Cloud receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:Bitbucket</c> by
/// default). <see cref="WebhookReceiverOptions.Secrets"/> holds the webhook's secret: a Bitbucket webhook without one
/// sends no signature, and every delivery of it is refused.
/// </summary>
public sealed class BitbucketWebhookOptions : WebhookReceiverOptions;
