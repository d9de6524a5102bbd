using System.Net;
using System.Security.Cryptography;
using System.Text;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// The corpus rows of the providers that sign the raw body with an HMAC of their own format, and of the shared-token
/// receiver. Members are methods and constants, not fields, so that their initialization order against the other part
/// of the class does not matter.
/// </summary>
public static partial class BadInputCorpus
{
    public const string RazorpaySecret = "corpus-razorpay-webhook-secret-6a2f";

    /// <summary>The row prefixes of this part, each of which must have refused rows.</summary>
    public static string[] HmacProviderPrefixes => ["razorpay"];

    private static string[] HmacProviderSecrets => [RazorpaySecret];

    private static string[] HmacProviderCredentialHeaders => ["X-Razorpay-Signature"];

    private static InputCase[] HmacProviderRefused() =>
    [
        // Razorpay: X-Razorpay-Signature = hex HMAC-SHA256 of the raw body; id X-Razorpay-Event-Id, type the body's "event".
        new("razorpay: signature header missing", HttpStatusCode.Unauthorized, b => Razorpay(RazorpayBody(), signature: null)),
        new("razorpay: signature header repeated, both valid", HttpStatusCode.Unauthorized, b => Razorpay(RazorpayBody(), extra: [("X-Razorpay-Signature", RazorpayHex(RazorpayBody()))])),
        new("razorpay: sha256= prefix before the digest", HttpStatusCode.Unauthorized, b => Razorpay(RazorpayBody(), signature: "sha256=" + RazorpayHex(RazorpayBody()))),
        new("razorpay: base64 where hex is expected", HttpStatusCode.Unauthorized, b => Razorpay(RazorpayBody(), signature: Convert.ToBase64String(Convert.FromHexString(RazorpayHex(RazorpayBody()))))),
        new("razorpay: truncated digest", HttpStatusCode.Unauthorized, b => Razorpay(RazorpayBody(), signature: RazorpayHex(RazorpayBody())[..62])),
        new("razorpay: signature of another body", HttpStatusCode.Unauthorized, b => Razorpay(RazorpayBody(), signature: RazorpayHex("{}"u8.ToArray()))),
        new("razorpay: signed with another secret", HttpStatusCode.Unauthorized, b => Razorpay(RazorpayBody(), signature: Convert.ToHexStringLower(HMACSHA256.HashData("another-secret-entirely"u8, RazorpayBody())))),
        new("razorpay: signed, X-Razorpay-Event-Id missing", HttpStatusCode.BadRequest, b => Razorpay(RazorpayBody(), eventId: null)),
        new("razorpay: signed, event repeated", HttpStatusCode.BadRequest, b => Razorpay("""{"event":"payment.captured","payload":{},"event":"payment.failed"}"""u8.ToArray())),
        new("razorpay: signed, event repeated under an escaped name", HttpStatusCode.BadRequest, b => Razorpay("""{"event":"payment.captured","\u0065vent":"payment.failed"}"""u8.ToArray())),
        new("razorpay: signed, body without event", HttpStatusCode.BadRequest, b => Razorpay("""{"entity":"event","payload":{}}"""u8.ToArray())),
        new("razorpay: signed, not JSON", HttpStatusCode.BadRequest, b => Razorpay("event=payment.captured"u8.ToArray())),
    ];

    private static InputCase[] HmacProviderAccepted() =>
    [
        new("razorpay: upper-case hex digest", HttpStatusCode.OK, b => Razorpay(RazorpayBody("acc-rzp-upper"), eventId: "acc-rzp-upper", signature: RazorpayHex(RazorpayBody("acc-rzp-upper")).ToUpperInvariant()), "acc-rzp-upper"),
    ];

    // Razorpay.
    private static byte[] RazorpayBody(string marker = "corpus") =>
        Encoding.UTF8.GetBytes("{\"entity\":\"event\",\"account_id\":\"acc_" + marker + "\",\"event\":\"payment.captured\",\"contains\":[\"payment\"],\"payload\":{\"payment\":{\"entity\":{\"id\":\"pay_1\",\"amount\":100}}},\"created_at\":1567674606}");

    private static string RazorpayHex(byte[] body) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(RazorpaySecret), body));

    private static RawRequest Razorpay(byte[] body, string? eventId = "", string? signature = "", (string, string)[]? extra = null)
    {
        List<(string, string)> headers = [];
        if (eventId is not null)
        {
            headers.Add(("X-Razorpay-Event-Id", eventId.Length == 0 ? Payloads.NewId() : eventId));
        }

        if (signature is not null)
        {
            headers.Add(("X-Razorpay-Signature", signature.Length == 0 ? RazorpayHex(body) : signature));
        }

        headers.AddRange(extra ?? []);
        return Post("razorpay", body, Json, [.. headers]);
    }
}
