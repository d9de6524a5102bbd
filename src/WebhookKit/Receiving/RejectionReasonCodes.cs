using System.Text;
using WebhookKit.Verification;

namespace WebhookKit.Receiving;

/// <summary>
/// The stable code of each <see cref="WebhookRejectionReason"/>: its name in snake case (<c>SignatureMismatch</c> is
/// <c>signature_mismatch</c>), computed once. docs/rejection-reasons.md lists them, and a test keeps it so.
/// </summary>
internal static class RejectionReasonCodes
{
    private static readonly Dictionary<WebhookRejectionReason, string> Codes =
        Enum.GetValues<WebhookRejectionReason>().ToDictionary(static reason => reason, static reason => SnakeCase(reason.ToString()));

    /// <summary>Gets the code of <paramref name="reason"/>; <c>unspecified</c> for a value that is not a member.</summary>
    public static string Of(WebhookRejectionReason reason) => Codes.TryGetValue(reason, out var code) ? code : Codes[WebhookRejectionReason.Unspecified];

    /// <summary>
    /// Gets the reason of a verifier's failure: every failure has the reason of the same number (a test keeps it so),
    /// so a failure added to both enums maps without a change here.
    /// </summary>
    public static WebhookRejectionReason Of(WebhookVerificationFailure failure) =>
        failure != WebhookVerificationFailure.None && Enum.IsDefined((WebhookRejectionReason)(int)failure)
            ? (WebhookRejectionReason)(int)failure
            : WebhookRejectionReason.Unspecified;

    private static string SnakeCase(string name)
    {
        var code = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && code.Length > 0)
            {
                code.Append('_');
            }

            code.Append(char.ToLowerInvariant(c));
        }

        return code.ToString();
    }
}
