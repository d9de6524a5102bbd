using WebhookKit.Verification;

namespace WebhookKit.SendGrid;

/// <summary>
/// Options of a SendGrid Event Webhook receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:SendGrid</c>
/// by default). SendGrid signs with a private key of its own (ECDSA P-256), so the receiver is configured with the
/// public verification key SendGrid shows for the webhook, in <see cref="PublicKeys"/>, not with a secret.
/// </summary>
public sealed class SendGridWebhookOptions : WebhookReceiverOptions
{
    /// <summary>
    /// Gets the verification keys: each the base64 DER (SubjectPublicKeyInfo) public key SendGrid shows under the
    /// webhook's signature verification settings (<c>MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…</c>), or the same wrapped
    /// in PEM. Configure the old and the new key while SendGrid rotates it; either is accepted. A key that does not
    /// import as a P-256 public key fails the application at startup.
    /// </summary>
    public IList<string> PublicKeys { get; } = new List<string>();

    /// <summary>Gets or sets how far <c>X-Twilio-Email-Event-Webhook-Timestamp</c> may be from now, in either direction, before a request is refused as a replay.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    internal override IEnumerable<string> ListOptionNames => [.. base.ListOptionNames, nameof(PublicKeys)];

    internal override int SecretCount => Secrets.Count + PublicKeys.Count;

    internal override IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        if (Secrets.Count > 0)
        {
            yield return $"Webhook receiver '{receiverName}' is a SendGrid receiver, which verifies with a public key: move the verification key from '{configurationKey}:Secrets' to '{configurationKey}:PublicKeys:0'.";
        }

        if (PublicKeys.Count == 0)
        {
            yield return $"Webhook receiver '{receiverName}' has no verification key configured. Set '{configurationKey}:PublicKeys:0' to the public key SendGrid shows for the Event Webhook. Receivers never accept unsigned deliveries.";
        }

        for (var i = 0; i < PublicKeys.Count; i++)
        {
            // Imported once here and once when the verifier is built; never per request. The key is not quoted.
            if (!SendGridPublicKey.TryImport(PublicKeys[i], out var key))
            {
                yield return $"Webhook receiver '{receiverName}' has a verification key at '{configurationKey}:PublicKeys:{i}' that is not a base64 DER (SubjectPublicKeyInfo) P-256 public key.";
            }

            key?.Dispose();
        }

        foreach (var error in ValidateGuards(receiverName, configurationKey))
        {
            yield return error;
        }

        if (TimestampTolerance.Validate(Tolerance, receiverName, configurationKey) is { } toleranceError)
        {
            yield return toleranceError;
        }
    }
}
