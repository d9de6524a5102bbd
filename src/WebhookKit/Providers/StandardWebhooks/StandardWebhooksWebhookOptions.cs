using WebhookKit.Verification;

namespace WebhookKit.StandardWebhooks;

/// <summary>
/// Options of a Standard Webhooks receiver (also Svix), bound from <c>Webhooks:{receiver name}</c>
/// (<c>Webhooks:StandardWebhooks</c> by default).
/// </summary>
/// <remarks>
/// <see cref="WebhookReceiverOptions.Secrets"/> holds the signing secrets, <c>whsec_</c> followed by base64 (the HMAC
/// key is the decoded bytes). Several may be configured to rotate a secret without losing deliveries.
/// </remarks>
public sealed class StandardWebhooksWebhookOptions : WebhookReceiverOptions
{
    /// <summary>Gets or sets how far the signed <c>webhook-timestamp</c> may be from now, in either direction.</summary>
    /// <value>The default is 5 minutes, as in the specification's libraries.</value>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the top-level JSON property of the body that holds the event type, read with a cheap forward scan.
    /// A signed body that is not a JSON object with this string property is refused with 400.
    /// </summary>
    /// <value>The default is <c>type</c>, as in the specification's payload structure.</value>
    public string EventTypeProperty { get; set; } = "type";

    /// <summary>The HMAC key is the base64 after <c>whsec_</c>: its decoded bytes are what must be long enough.</summary>
    internal override int SecretKeyBytes(string secret) =>
        StandardWebhooksSignature.TryDecodeSecret(secret, out var key) ? key.Length : -1;

    internal override IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        foreach (var error in base.Validate(receiverName, configurationKey))
        {
            yield return error;
        }

        for (var i = 0; i < Secrets.Count; i++)
        {
            if (!string.IsNullOrWhiteSpace(Secrets[i]) && !StandardWebhooksSignature.TryDecodeSecret(Secrets[i], out _))
            {
                yield return $"Webhook receiver '{receiverName}' has an invalid secret at '{configurationKey}:Secrets:{i}': it must be 'whsec_' followed by base64.";
            }
        }

        if (TimestampTolerance.Validate(Tolerance, receiverName, configurationKey) is { } toleranceError)
        {
            yield return toleranceError;
        }

        if (string.IsNullOrWhiteSpace(EventTypeProperty))
        {
            yield return $"Webhook receiver '{receiverName}' has an empty '{configurationKey}:EventTypeProperty': name the top-level JSON property that holds the event type (the default is 'type').";
        }
    }
}
