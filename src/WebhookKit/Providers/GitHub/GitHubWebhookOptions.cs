using WebhookKit.Internal;

namespace WebhookKit.GitHub;

/// <summary>Options of a GitHub receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:GitHub</c> by default).</summary>
public sealed class GitHubWebhookOptions : WebhookReceiverOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether deliveries signed only with the legacy SHA-1
    /// <c>X-Hub-Signature</c> header are accepted. <c>X-Hub-Signature-256</c> is always preferred when present.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool AllowSha1Signatures { get; set; }

    /// <summary>
    /// Gets or sets the most fields a form-encoded delivery may have, counted as the <c>&amp;</c>-separated parts of
    /// the raw body before anything is decoded or sorted. A body with more is refused with 400.
    /// </summary>
    /// <value>The default is 1000, as ASP.NET Core's <c>FormOptions.ValueCountLimit</c>.</value>
    public int MaxFormFields { get; set; } = FormPayloadReader.DefaultMaxFields;

    /// <summary>GitHub caps payloads at 25 MB and delivers nothing for a larger event (docs.github.com, "Webhook events and payloads").</summary>
    internal override long? ProviderMaxBodyBytes => 25 * 1024 * 1024;

    internal override IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        foreach (var error in base.Validate(receiverName, configurationKey))
        {
            yield return error;
        }

        if (FormPayloadReader.ValidateMaxFields(MaxFormFields, receiverName, configurationKey) is { } maxFieldsError)
        {
            yield return maxFieldsError;
        }
    }
}
