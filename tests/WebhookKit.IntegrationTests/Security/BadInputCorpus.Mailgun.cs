using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// Mailgun's rows of the corpus: the signature is in the body, hex HMAC-SHA256 of <c>timestamp</c> + <c>token</c>,
/// signed here independently of the verifier. Properties, so that the main file's tables can include them.
/// </summary>
public static partial class BadInputCorpus
{
    public const string MailgunKey = "corpus-mailgun-signing-key-6a2e";

    private const string MailgunEventData = """{"event":"delivered","id":"ev-corpus","recipient":"alice@example.com"}""";

    private static InputCase[] MailgunRefused =>
    [
        new("mailgun: no signature block", HttpStatusCode.Unauthorized, b => Mailgun($$"""{"event-data":{{MailgunEventData}}}""")),
        new("mailgun: signed with another key", HttpStatusCode.Unauthorized, b => Mailgun(MailgunJson(MailgunBlock(key: "another-mailgun-key-0000")))),
        new("mailgun: signature over another token", HttpStatusCode.Unauthorized, b => Mailgun(MailgunJson(MailgunBlock(signedToken: "other-token")))),
        new("mailgun: timestamp a day old, correctly signed", HttpStatusCode.Unauthorized, b => Mailgun(MailgunJson(MailgunBlock(timestamp: Now() - 86_400)))),
        new("mailgun: timestamp not a number", HttpStatusCode.Unauthorized, b => Mailgun(MailgunJson(MailgunBlock(timestampText: "soon")))),
        new("mailgun: signature block repeated", HttpStatusCode.Unauthorized, b => Mailgun($$"""{"signature":{{{MailgunBlock()}}},"signature":{{{MailgunBlock()}}},"event-data":{{MailgunEventData}}""" + "}")),
        new("mailgun: token repeated inside the block", HttpStatusCode.Unauthorized, b => Mailgun(MailgunJson(MailgunBlock() + ",\"token\":\"corpus-token-two\""))),
        new("mailgun: signature repeated inside the block", HttpStatusCode.Unauthorized, b => Mailgun(MailgunJson(MailgunBlock() + ",\"signature\":\"" + new string('0', 64) + "\""))),
        new("mailgun: token of 4 KB", HttpStatusCode.Unauthorized, b => Mailgun(MailgunJson(MailgunBlock(token: new string('t', 4096))))),
        new("mailgun: signature of the wrong length", HttpStatusCode.Unauthorized, b => Mailgun(MailgunJson(MailgunBlock(transform: signature => signature[..62])))),
        new("mailgun: body not JSON", HttpStatusCode.Unauthorized, b => Mailgun("timestamp=1&token=2&signature=3")),
        new("mailgun: JSON nested past the reader's depth", HttpStatusCode.Unauthorized, b => Mailgun("{\"signature\":{" + MailgunBlock() + "},\"x\":" + new string('[', 200) + new string(']', 200) + "}")),
        new("mailgun: form of 5,000 fields", HttpStatusCode.BadRequest, b => Mailgun(string.Join('&', Enumerable.Repeat("a=1", 5000)), Form)),
        new("mailgun: form repeating token", HttpStatusCode.Unauthorized, b => Mailgun(MailgunForm() + "&token=corpus-token-two", Form)),
        new("mailgun: signed, no event-data.event", HttpStatusCode.BadRequest, b => Mailgun("{\"signature\":{" + MailgunBlock() + "},\"event-data\":{\"id\":\"x\"}}")),
        new("mailgun: signed, event-data.event repeated", HttpStatusCode.BadRequest, b => Mailgun("{\"signature\":{" + MailgunBlock() + "},\"event-data\":{\"event\":\"delivered\",\"event\":\"failed\"}}")),
    ];

    private static InputCase[] MailgunAccepted =>
    [
        new("mailgun: upper-case hex signature", HttpStatusCode.OK, b => Mailgun(MailgunJson(MailgunBlock(token: "acc-mailgun-upper", transform: signature => signature.ToUpperInvariant()))), "acc-mailgun-upper"),
        new("mailgun: route form post", HttpStatusCode.OK, b => Mailgun(MailgunForm("acc-mailgun-route"), Form), "acc-mailgun-route"),
    ];

    private static RawRequest Mailgun(string body, string contentType = Json) => Post("mailgun", Encoding.UTF8.GetBytes(body), contentType);

    private static string MailgunJson(string block) => "{\"signature\":{" + block + "},\"event-data\":" + MailgunEventData + "}";

    private static string MailgunForm(string? token = null)
    {
        token ??= Payloads.NewId("mg-");
        var t = Now().ToString(CultureInfo.InvariantCulture);
        return $"recipient=alice%40example.com&subject=Hi&body-plain=Hello&timestamp={t}&token={token}&signature={MailgunSign(MailgunKey, t, token)}";
    }

    /// <summary>The inside of a signature block: a fresh token unless given, signed over <paramref name="signedToken"/> when given.</summary>
    private static string MailgunBlock(string? token = null, long? timestamp = null, string? timestampText = null, string? key = null, string? signedToken = null, Func<string, string>? transform = null)
    {
        token ??= Payloads.NewId("mg-");
        var t = timestampText ?? (timestamp ?? Now()).ToString(CultureInfo.InvariantCulture);
        var signature = MailgunSign(key ?? MailgunKey, t, signedToken ?? token);
        signature = transform?.Invoke(signature) ?? signature;
        return $"\"timestamp\":\"{t}\",\"token\":\"{token}\",\"signature\":\"{signature}\"";
    }

    private static string MailgunSign(string key, string timestamp, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(timestamp + token)));
}
