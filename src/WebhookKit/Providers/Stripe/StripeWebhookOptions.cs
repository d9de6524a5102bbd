using WebhookKit.Verification;

namespace WebhookKit.Stripe;

/// <summary>
/// Options of a Stripe receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:Stripe</c> by default).
/// <see cref="WebhookReceiverOptions.Secrets"/> holds the endpoint signing secrets (<c>whsec_…</c>).
/// </summary>
public sealed class StripeWebhookOptions : WebhookReceiverOptions
{
    /// <summary>
    /// Gets or sets how far the signed timestamp may be from now, in either direction, before a delivery is
    /// rejected as a replay.
    /// </summary>
    /// <value>The default is 5 minutes, as in Stripe's libraries.</value>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    internal override IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        foreach (var error in base.Validate(receiverName, configurationKey))
        {
            yield return error;
        }

        if (TimestampTolerance.Validate(Tolerance, receiverName, configurationKey) is { } toleranceError)
        {
            yield return toleranceError;
        }
    }
}
