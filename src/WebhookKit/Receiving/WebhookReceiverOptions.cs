namespace WebhookKit;

/// <summary>
/// Options of one receiver. Each receiver is bound from <c>Webhooks:{receiver name}</c>, for example
/// <c>Webhooks:GitHub:Secrets</c> for the default GitHub receiver (configuration keys are case-insensitive).
/// </summary>
public abstract class WebhookReceiverOptions
{
    /// <summary>
    /// Gets the secrets a delivery may be signed with. Several secrets are accepted at once so that a
    /// secret can be rotated without losing deliveries. A receiver without a secret fails at startup.
    /// </summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>Validates the options; each error names the receiver and the configuration key to set.</summary>
    internal virtual IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        if (Secrets.Count == 0)
        {
            yield return $"Webhook receiver '{receiverName}' has no secret configured. Set '{configurationKey}:Secrets:0' in configuration or add one in code (Secrets.Add). Receivers never accept unsigned deliveries.";
        }

        for (var i = 0; i < Secrets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Secrets[i]))
            {
                yield return $"Webhook receiver '{receiverName}' has an empty secret at '{configurationKey}:Secrets:{i}'.";
            }
        }
    }
}
