using WebhookKit.Verification;

namespace WebhookKit.GitLab;

/// <summary>
/// Options of a GitLab receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:GitLab</c> by default).
/// </summary>
/// <remarks>
/// <see cref="WebhookReceiverOptions.Secrets"/> holds secret tokens compared with <c>X-Gitlab-Token</c>;
/// <see cref="SigningTokens"/> holds signing tokens (<c>whsec_…</c>) that verify the Standard Webhooks
/// <c>webhook-signature</c> header. Configure either or both: with signing tokens only, every delivery must
/// be signed; with both, a valid token or a valid signature is accepted, never neither.
/// </remarks>
public sealed class GitLabWebhookOptions : WebhookReceiverOptions
{
    /// <summary>Gets the signing tokens (<c>whsec_</c> followed by base64) for Standard Webhooks signatures.</summary>
    public IList<string> SigningTokens { get; } = new List<string>();

    /// <summary>Gets or sets how far a signed <c>webhook-timestamp</c> may be from now, in either direction.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <inheritdoc/>
    internal override IEnumerable<string> ListOptionNames => [.. base.ListOptionNames, nameof(SigningTokens)];

    internal override int SecretCount => Secrets.Count + SigningTokens.Count;

    internal override IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        if (Secrets.Count == 0 && SigningTokens.Count == 0)
        {
            yield return $"Webhook receiver '{receiverName}' has no secret configured. Set '{configurationKey}:Secrets:0' (secret token) or '{configurationKey}:SigningTokens:0' (signing token) in configuration. Receivers never accept unsigned deliveries.";
            yield break;
        }

        for (var i = 0; i < Secrets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Secrets[i]))
            {
                yield return EmptySecretError(receiverName, configurationKey, nameof(Secrets), "secret token", i, Secrets[i]);
            }
            else if (PlaceholderSecretError(receiverName, configurationKey, nameof(Secrets), i, Secrets[i]) is { } placeholder)
            {
                yield return placeholder;
            }
            else if (ShortSecretError(receiverName, configurationKey, nameof(Secrets), i, SecretKeyBytes(Secrets[i])) is { } error)
            {
                yield return error;
            }
        }

        for (var i = 0; i < SigningTokens.Count; i++)
        {
            if (!StandardWebhooksSignature.TryDecodeSecret(SigningTokens[i], out var key))
            {
                yield return $"Webhook receiver '{receiverName}' has an invalid signing token at '{configurationKey}:SigningTokens:{i}': it must be 'whsec_' followed by base64.";
            }
            else if (ShortSecretError(receiverName, configurationKey, nameof(SigningTokens), i, key.Length) is { } error)
            {
                yield return error;
            }
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
