using WebhookKit.Verification;

namespace WebhookKit.Paddle;

/// <summary>
/// Options of a Paddle Billing receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:Paddle</c> by default).
/// <see cref="WebhookReceiverOptions.Secrets"/> holds the notification destination's endpoint secret key
/// (<c>pdl_ntfset_…</c>); while one is replaced, configure both.
/// </summary>
public sealed class PaddleWebhookOptions : WebhookReceiverOptions
{
    /// <summary>
    /// Gets or sets how far the signed <c>ts</c> may be from now, in either direction, before a delivery is rejected
    /// as a replay. Paddle's SDKs allow 5 seconds (and any time ahead); set that here for the same strictness, if your
    /// clock is synchronised with Paddle's.
    /// </summary>
    /// <value>The default is 5 minutes, as for the other timestamped providers.</value>
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
