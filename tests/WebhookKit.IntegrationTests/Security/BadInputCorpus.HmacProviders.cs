using System.Globalization;
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
    public const string PaddleSecret = "pdl_ntfset_corpus_paddle_secret_0c3e";
    public const string BitbucketSecret = "corpus-bitbucket-webhook-secret-5e81";
    public const string SharedToken = "corpus-shared-token-for-zapier-7d20";

    /// <summary>The row prefixes of this part, each of which must have refused rows.</summary>
    public static string[] HmacProviderPrefixes => ["razorpay", "paddle", "bitbucket", "token"];

    private static string[] HmacProviderSecrets => [RazorpaySecret, PaddleSecret, BitbucketSecret, SharedToken];

    private static string[] HmacProviderCredentialHeaders => ["X-Razorpay-Signature", "Paddle-Signature", "Authorization"];

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

        // Paddle Billing: Paddle-Signature: ts=<unix>;h1=<hex HMAC-SHA256 of "{ts}:{body}">; id and type in the body.
        new("paddle: signature header missing", HttpStatusCode.Unauthorized, b => Paddle(PaddleBody(), _ => null)),
        new("paddle: no ts", HttpStatusCode.Unauthorized, b => Paddle(PaddleBody(), body => $"h1={PaddleHex(Now(), body)}")),
        new("paddle: two ts entries", HttpStatusCode.Unauthorized, b => Paddle(PaddleBody(), body => $"ts={Now()};ts={Now()};h1={PaddleHex(Now(), body)}")),
        new("paddle: ts an hour old, correctly signed", HttpStatusCode.Unauthorized, b => Paddle(PaddleBody(), body => $"ts={Now() - 3600};h1={PaddleHex(Now() - 3600, body)}")),
        new("paddle: ts a day in the future, correctly signed", HttpStatusCode.Unauthorized, b => Paddle(PaddleBody(), body => $"ts={Now() + 86400};h1={PaddleHex(Now() + 86400, body)}")),
        new("paddle: only h2, holding the right digest", HttpStatusCode.Unauthorized, b => Paddle(PaddleBody(), body => $"ts={Now()};h2={PaddleHex(Now(), body)}")),
        new("paddle: comma instead of semicolon", HttpStatusCode.Unauthorized, b => Paddle(PaddleBody(), body => $"ts={Now()},h1={PaddleHex(Now(), body)}")),
        new("paddle: h1 over \"{ts}.{body}\" (Stripe's separator)", HttpStatusCode.Unauthorized, b => Paddle(PaddleBody(), body => $"ts={Now()};h1={Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PaddleSecret), Encoding.UTF8.GetBytes($"{Now()}.").Concat(body).ToArray()))}")),
        new("paddle: dozens of h1 entries, none valid", HttpStatusCode.Unauthorized, b => Paddle(PaddleBody(), body => $"ts={Now()};" + string.Join(';', Enumerable.Range(0, 60).Select(i => "h1=" + Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i))))))),
        new("paddle: signed, event_id repeated", HttpStatusCode.BadRequest, b => Paddle("""{"event_id":"evt_A","event_type":"transaction.completed","event_id":"evt_B"}"""u8.ToArray())),
        new("paddle: signed, event_type repeated under an escaped name", HttpStatusCode.BadRequest, b => Paddle("""{"event_id":"evt_A","event_type":"transaction.completed","\u0065vent_type":"transaction.canceled"}"""u8.ToArray())),
        new("paddle: signed, body without event_id", HttpStatusCode.BadRequest, b => Paddle("""{"event_type":"transaction.completed","data":{}}"""u8.ToArray())),
        // Bitbucket Cloud: X-Hub-Signature: sha256=<hex HMAC-SHA256 of the raw body>; X-Request-UUID, X-Event-Key unsigned.
        new("bitbucket: signature header missing (a hook without a secret)", HttpStatusCode.Unauthorized, b => Bitbucket(BitbucketBody(), signature: null)),
        new("bitbucket: sha1= prefix, GitHub's legacy scheme for this header name", HttpStatusCode.Unauthorized, b => Bitbucket(BitbucketBody(), signature: "sha1=" + BitbucketHex(BitbucketBody())[..40])),
        new("bitbucket: SHA-256 digest under a sha1= prefix", HttpStatusCode.Unauthorized, b => Bitbucket(BitbucketBody(), signature: "sha1=" + BitbucketHex(BitbucketBody()))),
        new("bitbucket: digest without prefix", HttpStatusCode.Unauthorized, b => Bitbucket(BitbucketBody(), signature: BitbucketHex(BitbucketBody()))),
        new("bitbucket: signed only in GitHub's X-Hub-Signature-256", HttpStatusCode.Unauthorized, b => Bitbucket(BitbucketBody(), signature: null, extra: [("X-Hub-Signature-256", "sha256=" + BitbucketHex(BitbucketBody()))])),
        new("bitbucket: signature header repeated, both valid", HttpStatusCode.Unauthorized, b => Bitbucket(BitbucketBody(), extra: [("X-Hub-Signature", "sha256=" + BitbucketHex(BitbucketBody()))])),
        new("bitbucket: signature of another body", HttpStatusCode.Unauthorized, b => Bitbucket(BitbucketBody(), signature: "sha256=" + BitbucketHex("{}"u8.ToArray()))),
        new("bitbucket: signed with another secret", HttpStatusCode.Unauthorized, b => Bitbucket(BitbucketBody(), signature: "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData("another-secret-entirely"u8, BitbucketBody())))),
        new("bitbucket: hook UUID where the signature belongs", HttpStatusCode.Unauthorized, b => Bitbucket(BitbucketBody(), signature: "{673a6070-3421-46c9-9d48-90745f7bfe8e}")),
        new("bitbucket: signed, X-Request-UUID missing", HttpStatusCode.BadRequest, b => Bitbucket(BitbucketBody(), requestUuid: null)),
        new("bitbucket: signed, X-Event-Key missing", HttpStatusCode.BadRequest, b => Bitbucket(BitbucketBody(), eventKey: null)),
        new("bitbucket: signed, X-Event-Key repeated", HttpStatusCode.BadRequest, b => Bitbucket(BitbucketBody(), extra: [("X-Event-Key", "pullrequest:created")])),
        // Shared token ("zapier": Authorization: Bearer <token>, id from X-Request-Id): the token, and only the token, is checked.
        new("token: Authorization missing", HttpStatusCode.Unauthorized, b => Token(authorization: null)),
        new("token: the token without the Bearer scheme", HttpStatusCode.Unauthorized, b => Token(authorization: SharedToken)),
        new("token: Basic scheme holding the token", HttpStatusCode.Unauthorized, b => Token(authorization: "Basic " + SharedToken)),
        new("token: Bearer with nothing after it", HttpStatusCode.Unauthorized, b => Token(authorization: "Bearer ")),
        new("token: a prefix of the token", HttpStatusCode.Unauthorized, b => Token(authorization: "Bearer " + SharedToken[..^1])),
        new("token: the token plus a character", HttpStatusCode.Unauthorized, b => Token(authorization: "Bearer " + SharedToken + "x")),
        new("token: the token in another case", HttpStatusCode.Unauthorized, b => Token(authorization: "Bearer " + SharedToken.ToUpperInvariant())),
        new("token: over-long token (8 KiB)", HttpStatusCode.Unauthorized, b => Token(authorization: "Bearer " + new string('t', 8192))),
        new("token: Authorization repeated, both right", HttpStatusCode.Unauthorized, b => Token(extra: [("Authorization", "Bearer " + SharedToken)])),
        new("token: the token in a header the receiver does not read", HttpStatusCode.Unauthorized, b => Token(authorization: null, extra: [("X-Webhook-Token", SharedToken)])),
        new("token: authenticated, X-Request-Id missing", HttpStatusCode.BadRequest, b => Token(requestId: null)),
        new("token: authenticated, body not JSON", HttpStatusCode.BadRequest, b => Token(body: "name=Ada&email=ada%40example.com"u8.ToArray())),
        new("token: authenticated, body a JSON array", HttpStatusCode.BadRequest, b => Token(body: "[1,2,3]"u8.ToArray())),
        new("paddle: signed, event_id only nested", HttpStatusCode.BadRequest, b => Paddle("""{"data":{"event_id":"evt_A"},"event_type":"transaction.completed"}"""u8.ToArray())),
    ];

    private static InputCase[] HmacProviderAccepted() =>
    [
        new("paddle: spaces around the entries and one h1 per secret", HttpStatusCode.OK, b => Paddle(PaddleBody("evt_acc_paddle"), body => $"ts={Now()} ; h1={new string('0', 64)} ; h1={PaddleHex(Now(), body)}"), "evt_acc_paddle"),
        new("bitbucket: upper-case hex digest", HttpStatusCode.OK, b => Bitbucket(BitbucketBody("acc-bitbucket-upper"), requestUuid: "acc-bitbucket-upper", signature: "sha256=" + BitbucketHex(BitbucketBody("acc-bitbucket-upper")).ToUpperInvariant()), "acc-bitbucket-upper"),
        new("token: lower-case bearer scheme", HttpStatusCode.OK, b => Token(body: """{"zap":"acc-token-scheme"}"""u8.ToArray(), requestId: "acc-token-scheme", authorization: "bearer " + SharedToken), "acc-token-scheme"),
        new("razorpay: upper-case hex digest", HttpStatusCode.OK, b => Razorpay(RazorpayBody("acc-rzp-upper"), eventId: "acc-rzp-upper", signature: RazorpayHex(RazorpayBody("acc-rzp-upper")).ToUpperInvariant()), "acc-rzp-upper"),
    ];

    // Paddle.
    private static byte[] PaddleBody(string eventId = "evt_corpus") =>
        Encoding.UTF8.GetBytes("{\"event_id\":\"" + eventId + "\",\"event_type\":\"transaction.completed\",\"occurred_at\":\"2023-08-22T07:15:45.366122Z\",\"data\":{\"id\":\"txn_1\"}}");

    private static string PaddleHex(long timestamp, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(PaddleSecret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ":").Concat(body).ToArray()));

    private static RawRequest Paddle(byte[] body, Func<byte[], string?>? header = null)
    {
        var value = header is null ? $"ts={Now()};h1={PaddleHex(Now(), body)}" : header(body);
        return Post("paddle", body, Json, value is null ? [] : [("Paddle-Signature", value)]);
    }

    // Bitbucket.
    private static byte[] BitbucketBody(string marker = "corpus") =>
        Encoding.UTF8.GetBytes("{\"actor\":{\"display_name\":\"Emma\"},\"repository\":{\"full_name\":\"team/" + marker + "\"},\"push\":{\"changes\":[]}}");

    private static string BitbucketHex(byte[] body) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(BitbucketSecret), body));

    private static RawRequest Bitbucket(byte[] body, string? eventKey = "repo:push", string? requestUuid = "", string? signature = "", (string, string)[]? extra = null)
    {
        List<(string, string)> headers = [("X-Hook-UUID", "{9f0b0f1e-0000-4000-8000-000000000001}"), ("X-Attempt-Number", "1")];
        if (eventKey is not null)
        {
            headers.Add(("X-Event-Key", eventKey));
        }

        if (requestUuid is not null)
        {
            headers.Add(("X-Request-UUID", requestUuid.Length == 0 ? Guid.NewGuid().ToString() : requestUuid));
        }

        if (signature is not null)
        {
            headers.Add(("X-Hub-Signature", signature.Length == 0 ? "sha256=" + BitbucketHex(body) : signature));
        }

        headers.AddRange(extra ?? []);
        return Post("bitbucket", body, Json, [.. headers]);
    }

    // Shared token.
    private static RawRequest Token(byte[]? body = null, string? requestId = "", string? authorization = "", (string, string)[]? extra = null)
    {
        List<(string, string)> headers = [];
        if (requestId is not null)
        {
            headers.Add(("X-Request-Id", requestId.Length == 0 ? Payloads.NewId() : requestId));
        }

        if (authorization is not null)
        {
            headers.Add(("Authorization", authorization.Length == 0 ? "Bearer " + SharedToken : authorization));
        }

        headers.AddRange(extra ?? []);
        return Post("zapier", body ?? """{"zap":"new-lead","email":"lead@example.com"}"""u8.ToArray(), Json, [.. headers]);
    }

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
