using WebhookKit.Internal;
using WebhookKit.Verification;

namespace WebhookKit.Mailgun;

/// <summary>
/// Options of a Mailgun receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:Mailgun</c> by default).
/// <see cref="WebhookReceiverOptions.Secrets"/> holds the account's HTTP webhook signing key (the old and the new one
/// while it is rotated; for a subaccount, the primary account's key also verifies the <c>parent-signature</c>).
/// </summary>
public sealed class MailgunWebhookOptions : WebhookReceiverOptions
{
    /// <summary>
    /// Gets or sets how far the signed <c>timestamp</c> may be from now, in either direction. Mailgun resends a failed
    /// delivery with its original signature for up to 8 hours (5 and 10 minutes, then longer), so a shorter tolerance
    /// refuses its retries. Replays inside the window are refused by the idempotency store, which keeps each signed
    /// <c>token</c> for <see cref="WebhookOptions.RetentionDuration"/>: the application does not start unless that is
    /// at least twice this (a timestamp is accepted from this long before now to this long after).
    /// </summary>
    /// <value>The default is 8 hours, Mailgun's retry window.</value>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Gets or sets the most fields a form-encoded delivery (a route, a legacy webhook) may have, counted as the
    /// <c>&amp;</c>-separated parts of the raw body before anything is decoded. A body with more is refused with 400.
    /// </summary>
    /// <value>The default is 1000, as ASP.NET Core's <c>FormOptions.ValueCountLimit</c>.</value>
    public int MaxFormFields { get; set; } = FormPayloadReader.DefaultMaxFields;

    /// <summary>
    /// Whether the idempotency store, Mailgun's replay cache, keeps a token for as long as its timestamp can be accepted:
    /// a token first seen at the earliest moment its timestamp is accepted (<paramref name="tolerance"/> before it) must
    /// still be held at the last (<paramref name="tolerance"/> after it).
    /// </summary>
    /// <remarks>In ticks, so that no configured value overflows (an out-of-range tolerance is reported by its own rule).</remarks>
    internal static bool KeepsTokensLongEnough(TimeSpan tolerance, TimeSpan retention) => retention.Ticks / 2 >= tolerance.Ticks;

    internal static string RetentionTooShortError(string receiverName, string configurationKey) =>
        $"Webhook receiver '{receiverName}' accepts a Mailgun timestamp for '{configurationKey}:Tolerance' either side of now, which is more than half of 'Webhooks:RetentionDuration': the idempotency store is Mailgun's replay cache, so it must keep each signed token for at least twice the tolerance, or a captured token could be accepted again after its claim expired. Raise 'Webhooks:RetentionDuration' or lower '{configurationKey}:Tolerance'.";

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
