namespace WebhookKit.Internal;

/// <summary>The <c>webhookkit.outcome</c> tag values.</summary>
internal static class DeliveryOutcome
{
    public const string Accepted = "accepted";
    public const string Duplicate = "duplicate";
    public const string Replay = "replay";
    public const string Unhandled = "unhandled";
    public const string Unauthorized = "unauthorized";
    public const string TooLarge = "too_large";
    public const string BadRequest = "bad_request";
    public const string Unavailable = "unavailable";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string NotFound = "not_found";
    public const string Responded = "responded";
    public const string TooSlow = "too_slow";
    public const string HttpsRequired = "https_required";
    public const string IpNotAllowed = "ip_not_allowed";
    public const string Aborted = "aborted";
}
