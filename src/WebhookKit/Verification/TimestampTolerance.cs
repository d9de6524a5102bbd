namespace WebhookKit.Verification;

/// <summary>The <c>Tolerance</c> option of timestamped receivers (Stripe, GitLab, Standard Webhooks, Slack, HMAC): its range and the one error text.</summary>
internal static class TimestampTolerance
{
    /// <summary>The widest tolerance accepted: beyond it a captured delivery stays replayable for days.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(1);

    /// <summary>The error for a tolerance that is not more than zero and at most <see cref="Maximum"/>, or <see langword="null"/>.</summary>
    public static string? Validate(TimeSpan tolerance, string receiverName, string configurationKey) =>
        tolerance > TimeSpan.Zero && tolerance <= Maximum
            ? null
            : $"Webhook receiver '{receiverName}' has an invalid '{configurationKey}:Tolerance': it must be more than zero and at most one day.";
}
