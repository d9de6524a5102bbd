using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.Slack;

/// <summary>
/// Options of a Slack receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:Slack</c> by default).
/// <see cref="WebhookReceiverOptions.Secrets"/> holds the app's signing secrets (several while one is rotated).
/// </summary>
public sealed class SlackWebhookOptions : WebhookReceiverOptions
{
    /// <summary>Gets or sets how far <c>X-Slack-Request-Timestamp</c> may be from now, in either direction, before a request is refused as a replay.</summary>
    /// <value>The default is 5 minutes, as Slack recommends.</value>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the most fields a form-encoded delivery may have, counted as the <c>&amp;</c>-separated parts of
    /// the raw body before anything is decoded or sorted. A body with more is refused with 400.
    /// </summary>
    /// <value>The default is 1000, as ASP.NET Core's <c>FormOptions.ValueCountLimit</c>.</value>
    public int MaxFormFields { get; set; } = FormPayloadReader.DefaultMaxFields;

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

        if (FormPayloadReader.ValidateMaxFields(MaxFormFields, receiverName, configurationKey) is { } maxFieldsError)
        {
            yield return maxFieldsError;
        }
    }
}
