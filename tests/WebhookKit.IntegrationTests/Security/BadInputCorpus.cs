using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.IntegrationTests.Providers.Conformance;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// The table behind <see cref="BadInputCorpusTests"/>: malformed and hostile requests for every provider, each with the
/// status docs/status-codes.md documents, and the unusual-but-valid requests that are deliberately accepted. Signing here is
/// independent of the library's verifiers.
/// </summary>
public static partial class BadInputCorpus
{
    public const int MaxBodyBytes = 64 * 1024;

    public const string GitHubSecret = "corpus-github-secret-8d1f0a";
    public const string StripeSecret = "whsec_corpusStripeSecret4e7b";
    public const string GitLabToken = "corpus-gitlab-token-51c3aa";
    public const string SlackSecret = "corpus-slack-signing-secret-2b9e";
    public const string ShopifySecret = "corpus-shopify-client-secret-7f10";
    public const string TwilioToken = "corpus-twilio-auth-token-c4d2";
    public const string TwilioPublicBaseUrl = "https://hooks.example.com";
    public const string BillingSecret = "corpus-billing-hmac-secret-93ab";
    public static readonly string SigningToken = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("corpus-standard-webhooks-key-0001"));
    public static readonly string GitLabSigningToken = "whsec_" + Convert.ToBase64String(Encoding.UTF8.GetBytes("corpus-gitlab-signing-token-0002"));

    /// <summary>Every secret and token the corpus host is configured with; none may ever appear in a log line or response.</summary>
    public static string[] Secrets =>
    [
        GitHubSecret, StripeSecret, GitLabToken, SlackSecret, ShopifySecret, TwilioToken, BillingSecret,
        SigningToken, SigningToken["whsec_".Length..], GitLabSigningToken, GitLabSigningToken["whsec_".Length..],
        .. HmacProviderSecrets,
        MailgunKey,
    ];

    /// <summary>Headers whose values are credentials (signatures, tokens): their values must never be logged either.</summary>
    public static readonly HashSet<string> CredentialHeaders = new(
    [
        "X-Hub-Signature-256", "X-Hub-Signature", "Stripe-Signature", "X-Gitlab-Token", "webhook-signature", "svix-signature",
        "X-Slack-Signature", "X-Shopify-Hmac-Sha256", "X-Twilio-Signature", "X-Billing-Signature",
        .. HmacProviderCredentialHeaders,
        "X-Twilio-Email-Event-Webhook-Signature",
    ],
        StringComparer.OrdinalIgnoreCase);

    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    private static readonly byte[] GitHubBody = Payloads.GitHubPush();

    // Accepted GitHub cases need bodies of their own: a body accepted once is a replay under any other unsigned id.
    private static readonly byte[] OwsBody = Payloads.GitHubPush("acc-github-ows");
    private static readonly byte[] GitLabBody = Payloads.GitLabPush();
    private static readonly byte[] ShopifyBody = Payloads.Read("shopify", "orders-create.json");
    private static readonly byte[] StandardBody = """{"type":"user.created","timestamp":"2022-11-03T20:26:10.344522Z","data":{"id":"u_1"}}"""u8.ToArray();
    private static readonly byte[] TwilioBody = "AccountSid=AC1&MessageSid=SM1&MessageStatus=delivered&From=%2B15017122661&To=%2B15558675310"u8.ToArray();
    private static readonly byte[] InvalidUtf8 = [.. "{\"id\":\"evt_"u8, 0xC3, 0x28, .. "\",\"type\":\"customer.updated\"}"u8];

    /// <summary>Requests that must be refused, each with its documented status: 60+ distinct cases across the providers.</summary>
    public static readonly InputCase[] Refused =
    [
        // GitHub: X-Hub-Signature-256 = "sha256=" + lower-case hex HMAC-SHA256 of the raw body.
        new("github: signature header missing", HttpStatusCode.Unauthorized, b => GitHub(null)),
        new("github: signature header empty", HttpStatusCode.Unauthorized, b => GitHub(string.Empty)),
        new("github: signature header repeated, both valid", HttpStatusCode.Unauthorized, b => GitHub(GitHubSig(GitHubBody), extra: [("X-Hub-Signature-256", GitHubSig(GitHubBody))])),
        new("github: signature header repeated, one valid", HttpStatusCode.Unauthorized, b => GitHub(GitHubSig(GitHubBody), extra: [("X-Hub-Signature-256", "sha256=" + new string('0', 64))])),
        new("github: wrong prefix sha1= before a SHA-256 digest", HttpStatusCode.Unauthorized, b => GitHub("sha1=" + GitHubHex(GitHubBody))),
        new("github: prefix in upper case", HttpStatusCode.Unauthorized, b => GitHub("SHA256=" + GitHubHex(GitHubBody))),
        new("github: digest without prefix", HttpStatusCode.Unauthorized, b => GitHub(GitHubHex(GitHubBody))),
        new("github: odd-length hex digest", HttpStatusCode.Unauthorized, b => GitHub("sha256=" + GitHubHex(GitHubBody)[..63])),
        new("github: non-hex digest of the right length", HttpStatusCode.Unauthorized, b => GitHub("sha256=" + GitHubHex(GitHubBody)[..62] + "zz")),
        new("github: base64 where hex is expected", HttpStatusCode.Unauthorized, b => GitHub("sha256=" + Convert.ToBase64String(GitHubMac(GitHubSecret, GitHubBody)))),
        new("github: truncated digest", HttpStatusCode.Unauthorized, b => GitHub("sha256=" + GitHubHex(GitHubBody)[..32])),
        new("github: over-long digest", HttpStatusCode.Unauthorized, b => GitHub("sha256=" + GitHubHex(GitHubBody) + "00")),
        new("github: SHA-512-length digest", HttpStatusCode.Unauthorized, b => GitHub("sha256=" + GitHubHex(GitHubBody) + GitHubHex(GitHubBody))),
        new("github: signature of another body", HttpStatusCode.Unauthorized, b => GitHub(GitHubSig("{}"u8.ToArray()))),
        new("github: signed with another secret", HttpStatusCode.Unauthorized, b => GitHub("sha256=" + Convert.ToHexStringLower(GitHubMac("another-secret-entirely", GitHubBody)))),
        new("github: space inside the value", HttpStatusCode.Unauthorized, b => GitHub("sha256= " + GitHubHex(GitHubBody))),
        new("github: tab inside the value", HttpStatusCode.Unauthorized, b => GitHub("sha256=\t" + GitHubHex(GitHubBody))),
        new("github: trailing garbage after the digest", HttpStatusCode.Unauthorized, b => GitHub(GitHubSig(GitHubBody) + ";x")),
        new("github: legacy SHA-1 signature while not enabled", HttpStatusCode.Unauthorized, b => GitHub(null, extra: [("X-Hub-Signature", Signatures.GitHubSha1(GitHubSecret, GitHubBody))])),
        new("github: empty body with a non-empty body's signature", HttpStatusCode.Unauthorized, b => GitHub(GitHubSig(GitHubBody), body: [])),
        new("github: form-encoded body without payload field", HttpStatusCode.BadRequest, b => GitHubSigned("notpayload=%7B%7D&other=1"u8.ToArray(), Form)),
        new("github: form payload with broken percent-encoding", HttpStatusCode.BadRequest, b => GitHubSigned("payload=%7"u8.ToArray(), Form)),
        new("github: JSON body sent as form content type", HttpStatusCode.BadRequest, b => GitHubSigned(GitHubBody, Form)),
        new("github: signed form with two payload fields", HttpStatusCode.BadRequest, b => GitHubSigned("payload=%7B%22a%22%3A1%7D&payload=%7B%22a%22%3A2%7D"u8.ToArray(), Form)),
        new("github: signed form with payload and a percent-encoded pay%6Coad", HttpStatusCode.BadRequest, b => GitHubSigned("payload=%7B%22a%22%3A1%7D&pay%6Coad=%7B%22a%22%3A2%7D"u8.ToArray(), Form)),
        new("github: signed form of 1,001 fields", HttpStatusCode.BadRequest, b => GitHubSigned(Encoding.ASCII.GetBytes("payload=%7B%7D" + string.Concat(Enumerable.Repeat("&x=1", 1000))), Form)),
        new("github: signed, X-GitHub-Delivery missing", HttpStatusCode.BadRequest, b => GitHubSigned(GitHubBody, Json, omitDelivery: true)),
        new("github: signed, X-GitHub-Delivery empty", HttpStatusCode.BadRequest, b => GitHubSigned(GitHubBody, Json, delivery: string.Empty)),
        new("github: signed, X-GitHub-Event repeated", HttpStatusCode.BadRequest, b => GitHubSigned(GitHubBody, Json, extra: [("X-GitHub-Event", "issues")])),

        // Stripe: Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "{t}.{body}">, keyed with the whole whsec_ string.
        new("stripe: signature header missing", HttpStatusCode.Unauthorized, b => Stripe(_ => null)),
        new("stripe: signature header empty", HttpStatusCode.Unauthorized, b => Stripe(_ => string.Empty)),
        new("stripe: no t", HttpStatusCode.Unauthorized, b => Stripe(body => $"v1={StripeHex(Now(), body)}")),
        new("stripe: non-numeric t", HttpStatusCode.Unauthorized, b => Stripe(body => $"t=now,v1={StripeHex(Now(), body)}")),
        new("stripe: empty t", HttpStatusCode.Unauthorized, b => Stripe(body => $"t=,v1={StripeHex(Now(), body)}")),
        new("stripe: negative t", HttpStatusCode.Unauthorized, b => Stripe(body => $"t=-{Now()},v1={StripeHex(Now(), body)}")),
        new("stripe: t overflowing a long", HttpStatusCode.Unauthorized, b => Stripe(body => $"t=99999999999999999999,v1={StripeHex(Now(), body)}")),
        new("stripe: t a year in the past, correctly signed", HttpStatusCode.Unauthorized, b => Stripe(body => StripeHeader(Now() - 365 * 86400, body))),
        new("stripe: t a year in the future, correctly signed", HttpStatusCode.Unauthorized, b => Stripe(body => StripeHeader(Now() + 365 * 86400, body))),
        new("stripe: t zero, correctly signed", HttpStatusCode.Unauthorized, b => Stripe(body => StripeHeader(0, body))),
        new("stripe: t just past the tolerance, correctly signed", HttpStatusCode.Unauthorized, b => Stripe(body => StripeHeader(Now() - 330, body))),
        new("stripe: only v0, holding the right digest", HttpStatusCode.Unauthorized, b => Stripe(body => $"t={Now()},v0={StripeHex(Now(), body)}")),
        new("stripe: dozens of v1 entries, none valid", HttpStatusCode.Unauthorized, b => Stripe(body => $"t={Now()}," + string.Join(',', Enumerable.Range(0, 60).Select(i => "v1=" + Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i))))))),
        new("stripe: two t entries", HttpStatusCode.Unauthorized, b => Stripe(body => $"t={Now()},t={Now()},v1={StripeHex(Now(), body)}")),
        new("stripe: v1 of another body", HttpStatusCode.Unauthorized, b => Stripe(_ => StripeHeader(Now(), "{}"u8.ToArray()))),
        new("stripe: v1 of another secret", HttpStatusCode.Unauthorized, b => Stripe(body => $"t={Now()},v1={Signatures.StripeV1("whsec_anotherSecretEntirely", Now(), body)}")),
        new("stripe: v1 truncated", HttpStatusCode.Unauthorized, b => Stripe(body => $"t={Now()},v1={StripeHex(Now(), body)[..63]}")),
        new("stripe: v1 over-long", HttpStatusCode.Unauthorized, b => Stripe(body => $"t={Now()},v1={StripeHex(Now(), body)}ab")),
        new("stripe: V1 scheme in upper case", HttpStatusCode.Unauthorized, b => Stripe(body => $"t={Now()},V1={StripeHex(Now(), body)}")),
        new("stripe: space between v1= and the digest", HttpStatusCode.Unauthorized, b => Stripe(body => $"t={Now()},v1= {StripeHex(Now(), body)}")),
        new("stripe: base64 v1 where hex is expected", HttpStatusCode.Unauthorized, b => Stripe(body => $"t={Now()},v1={Convert.ToBase64String(Convert.FromHexString(StripeHex(Now(), body)))}")),
        new("stripe: signature header repeated, both valid", HttpStatusCode.Unauthorized, b => Stripe(body => StripeHeader(Now(), body), repeat: true)),
        new("stripe: signed, JSON without id", HttpStatusCode.BadRequest, b => StripeSigned("""{"object":"event","type":"customer.updated"}"""u8.ToArray())),
        new("stripe: signed, id is a number", HttpStatusCode.BadRequest, b => StripeSigned("""{"id":42,"type":"customer.updated"}"""u8.ToArray())),
        new("stripe: signed, id only nested", HttpStatusCode.BadRequest, b => StripeSigned("""{"data":{"id":"evt_nested"},"type":"customer.updated"}"""u8.ToArray())),
        new("stripe: signed, invalid UTF-8", HttpStatusCode.BadRequest, b => StripeSigned(InvalidUtf8)),
        new("stripe: signed, invalid UTF-8 in a property the scan skips", HttpStatusCode.BadRequest, b => StripeSigned([.. "{\"id\":\"evt_skip\",\"type\":\"t\",\"note\":\""u8, 0xC3, 0x28, .. "\"}"u8])),
        new("stripe: signed, nested 100 deep", HttpStatusCode.BadRequest, b => StripeSigned(Nested(100))),
        new("stripe: signed, nested 10,000 deep", HttpStatusCode.BadRequest, b => StripeSigned(Nested(10_000))),
        new("stripe: signed, empty body", HttpStatusCode.BadRequest, b => StripeSigned([])),
        new("stripe: signed, trailing garbage after the object", HttpStatusCode.BadRequest, b => StripeSigned([.. Payloads.StripeEvent("evt_trailing"), .. "}x"u8])),
        new("stripe: signed, a JSON array", HttpStatusCode.BadRequest, b => StripeSigned("""["evt_in_an_array"]"""u8.ToArray())),
        new("stripe: signed, id repeated", HttpStatusCode.BadRequest, b => StripeSigned("""{"id":"evt_A","type":"customer.updated","id":"evt_B"}"""u8.ToArray())),
        new("stripe: signed, type repeated under an escaped name", HttpStatusCode.BadRequest, b => StripeSigned("""{"id":"evt_A","type":"customer.updated","\u0074ype":"charge.refunded"}"""u8.ToArray())),
        new("stripe: signed, truncated JSON", HttpStatusCode.BadRequest, b => StripeSigned(Payloads.StripeEvent("evt_truncated")[..40])),

        // GitLab with a secret token: X-Gitlab-Token, compared as SHA-256 hashes.
        new("gitlab: token missing", HttpStatusCode.Unauthorized, b => GitLab(null)),
        new("gitlab: token empty", HttpStatusCode.Unauthorized, b => GitLab(string.Empty)),
        new("gitlab: token wrong", HttpStatusCode.Unauthorized, b => GitLab("corpus-gitlab-token-wrong0")),
        new("gitlab: token over-long (8 KiB)", HttpStatusCode.Unauthorized, b => GitLab(new string('t', 8192))),
        new("gitlab: token a prefix of the right one", HttpStatusCode.Unauthorized, b => GitLab(GitLabToken[..^1])),
        new("gitlab: token the right one plus a character", HttpStatusCode.Unauthorized, b => GitLab(GitLabToken + "x")),
        new("gitlab: token in another case", HttpStatusCode.Unauthorized, b => GitLab(GitLabToken.ToUpperInvariant())),
        new("gitlab: token with a space inside", HttpStatusCode.Unauthorized, b => GitLab(GitLabToken[..5] + " " + GitLabToken[5..])),
        new("gitlab: token header repeated, both right", HttpStatusCode.Unauthorized, b => GitLab(GitLabToken, extra: [("X-Gitlab-Token", GitLabToken)])),
        new("gitlab: authenticated, no event id", HttpStatusCode.BadRequest, b => GitLab(GitLabToken, omitUuid: true)),
        new("gitlab: authenticated, no X-Gitlab-Event", HttpStatusCode.BadRequest, b => GitLab(GitLabToken, eventType: null)),

        // GitLab with a signing token: only a valid Standard Webhooks signature is accepted.
        new("gitlab-signed: token instead of a signature", HttpStatusCode.Unauthorized, b => GitLab(GitLabToken, receiver: "gitlab-signed")),
        new("gitlab-signed: signature of another body", HttpStatusCode.Unauthorized, b => StandardSigned("gitlab-signed", GitLabSigningToken, GitLabBody, signedBody: "{}"u8.ToArray(), extra: [("X-Gitlab-Event", "Push Hook")])),
        new("gitlab-signed: timestamp an hour old, correctly signed", HttpStatusCode.Unauthorized, b => StandardSigned("gitlab-signed", GitLabSigningToken, GitLabBody, timestamp: Now() - 3600, extra: [("X-Gitlab-Event", "Push Hook")])),

        // Standard Webhooks: webhook-signature: v1,<base64> over "{id}.{timestamp}.{body}".
        new("standardwebhooks: signature missing", HttpStatusCode.Unauthorized, b => StandardSigned("standardwebhooks", SigningToken, StandardBody, omit: "webhook-signature")),
        new("standardwebhooks: webhook-id missing", HttpStatusCode.Unauthorized, b => StandardSigned("standardwebhooks", SigningToken, StandardBody, omit: "webhook-id")),
        new("standardwebhooks: non-numeric timestamp", HttpStatusCode.Unauthorized, b => StandardSigned("standardwebhooks", SigningToken, StandardBody, timestampText: "soon")),
        new("standardwebhooks: only a v1a (ed25519) entry", HttpStatusCode.Unauthorized, b => StandardSigned("standardwebhooks", SigningToken, StandardBody, transform: signature => "v1a," + signature["v1,".Length..])),
        new("standardwebhooks: hex where base64 is expected", HttpStatusCode.Unauthorized, b => StandardSigned("standardwebhooks", SigningToken, StandardBody, transform: signature => "v1," + Convert.ToHexStringLower(Convert.FromBase64String(signature["v1,".Length..])))),
        new("standardwebhooks: signature over another webhook-id", HttpStatusCode.Unauthorized, b => StandardSigned("standardwebhooks", SigningToken, StandardBody, signedId: "msg_someone_else")),
        new("standardwebhooks: webhook-id containing '.', correctly signed", HttpStatusCode.Unauthorized, b => StandardSigned("standardwebhooks", SigningToken, StandardBody, id: "msg_1.1700000000")),
        new("standardwebhooks: signed, type repeated", HttpStatusCode.BadRequest, b => StandardSigned("standardwebhooks", SigningToken, """{"type":"user.created","type":"user.deleted"}"""u8.ToArray())),
        new("standardwebhooks: signed, body without type", HttpStatusCode.BadRequest, b => StandardSigned("standardwebhooks", SigningToken, """{"data":{"id":"u_1"}}"""u8.ToArray())),
        new("standardwebhooks: signed, invalid UTF-8", HttpStatusCode.BadRequest, b => StandardSigned("standardwebhooks", SigningToken, [.. "{\"type\":\"user."u8, 0xFF, 0xFE, .. "\"}"u8])),
        new("standardwebhooks: signed, nested 100 deep", HttpStatusCode.BadRequest, b => StandardSigned("standardwebhooks", SigningToken, Nested(100))),
        new("svix: svix-signature with webhook-* id and timestamp", HttpStatusCode.Unauthorized, b => StandardSigned("svix", SigningToken, StandardBody, transform: null, renameSignatureTo: "svix-signature")),

        // Slack: X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{timestamp}:{body}">.
        new("slack: timestamp header missing", HttpStatusCode.Unauthorized, b => Slack(SlackEvent("Ev1"), omitTimestamp: true)),
        new("slack: timestamp a day in the future, correctly signed", HttpStatusCode.Unauthorized, b => Slack(SlackEvent("Ev1"), timestamp: Now() + 86400)),
        new("slack: v1= instead of v0=", HttpStatusCode.Unauthorized, b => Slack(SlackEvent("Ev1"), transform: signature => "v1=" + signature[3..])),
        new("slack: signed, event_callback without event_id", HttpStatusCode.BadRequest, b => Slack("""{"type":"event_callback","event":{"type":"app_mention"}}"""u8.ToArray())),
        new("slack: signed, url_verification without challenge", HttpStatusCode.BadRequest, b => Slack("""{"type":"url_verification","token":"x"}"""u8.ToArray())),
        new("slack: signed, JSON sent as form content type", HttpStatusCode.BadRequest, b => Slack(SlackEvent("Ev1"), contentType: Form)),
        new("slack: signed, event_id repeated", HttpStatusCode.BadRequest, b => Slack("""{"type":"event_callback","event_id":"Ev1","event_id":"Ev2","event":{"type":"app_mention"}}"""u8.ToArray())),
        new("slack: signed, event.type repeated", HttpStatusCode.BadRequest, b => Slack("""{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","type":"message"}}"""u8.ToArray())),
        new("slack: signed form, payload repeated", HttpStatusCode.BadRequest, b => Slack("payload=%7B%22type%22%3A%22block_actions%22%7D&payload=%7B%7D"u8.ToArray(), contentType: Form)),
        new("slack: signed form, trigger_id repeated", HttpStatusCode.BadRequest, b => Slack("command=%2Fdeploy&trigger_id=t1&trigger_id=t2"u8.ToArray(), contentType: Form)),
        new("slack: signed form of 1,001 fields", HttpStatusCode.BadRequest, b => Slack(Encoding.ASCII.GetBytes("command=%2Fdeploy&trigger_id=t1" + string.Concat(Enumerable.Repeat("&x=1", 999))), contentType: Form)),
        new("slack: signed, form body that is neither command nor interaction", HttpStatusCode.BadRequest, b => Slack("team_id=T1&text=hi"u8.ToArray(), contentType: Form)),

        // Shopify: X-Shopify-Hmac-Sha256: base64 HMAC-SHA256 of the raw body.
        new("shopify: hex where base64 is expected", HttpStatusCode.Unauthorized, b => Shopify(Convert.ToHexStringLower(ShopifyMac(ShopifyBody)))),
        new("shopify: base64 without its padding", HttpStatusCode.Unauthorized, b => Shopify(Convert.ToBase64String(ShopifyMac(ShopifyBody)).TrimEnd('='))),
        new("shopify: signature of another body", HttpStatusCode.Unauthorized, b => Shopify(Convert.ToBase64String(ShopifyMac("{}"u8.ToArray())))),
        new("shopify: signed, no X-Shopify-Topic", HttpStatusCode.BadRequest, b => Shopify(Convert.ToBase64String(ShopifyMac(ShopifyBody)), topic: null)),

        // Twilio: X-Twilio-Signature: base64 HMAC-SHA1 of the URL + sorted form parameters.
        new("twilio: signature of another URL", HttpStatusCode.Unauthorized, b => Twilio(b, TwilioBody, signedUrl: new Uri(TwilioPublicBaseUrl + "/webhooks/other"))),
        new("twilio: signature for another app of the account (same path, other host)", HttpStatusCode.Unauthorized, b => Twilio(b, TwilioBody, signedUrl: new Uri("https://other-app.example/webhooks/twilio"))),
        new("twilio: unsigned form of 16,000 fields", HttpStatusCode.BadRequest, b => Post("twilio", Encoding.ASCII.GetBytes(string.Join('&', Enumerable.Repeat("a=1", 16_000))), Form, ("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="))),
        new("twilio: 60,000 empty fields", HttpStatusCode.BadRequest, b => Post("twilio", Enumerable.Repeat((byte)'&', 60_000).ToArray(), Form, ("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8="))),
        new("twilio: signed, MessageSid repeated", HttpStatusCode.BadRequest, b => Twilio(b, "MessageSid=SM1&MessageStatus=delivered&MessageSid=SM2"u8.ToArray())),
        new("twilio: signed, MessageStatus repeated with a percent-encoded name", HttpStatusCode.BadRequest, b => Twilio(b, "MessageSid=SM1&MessageStatus=sent&Message%53tatus=delivered"u8.ToArray())),
        new("twilio: form parameter changed after signing", HttpStatusCode.Unauthorized, b => Twilio(b, TwilioBody, sentBody: "AccountSid=AC1&MessageSid=SM2&MessageStatus=delivered&From=%2B15017122661&To=%2B15558675310"u8.ToArray())),
        new("twilio: JSON body without bodySHA256", HttpStatusCode.Unauthorized, b => Twilio(b, """{"type":"x"}"""u8.ToArray(), contentType: Json)),
        new("twilio: text/plain body", HttpStatusCode.Unauthorized, b => Twilio(b, "hello"u8.ToArray(), contentType: "text/plain")),
        new("twilio: bodySHA256 not matching the body", HttpStatusCode.Unauthorized, b => Twilio(b, """{"type":"x"}"""u8.ToArray(), contentType: Json, query: "?bodySHA256=" + new string('0', 64))),

        // Any HMAC sender ("billing": X-Billing-Signature over "{timestamp}.{body}", id and type in the body).
        new("billing: timestamp header missing", HttpStatusCode.Unauthorized, b => Billing(Billing("inv_1"), omitTimestamp: true)),
        new("billing: signed, valid JSON without id", HttpStatusCode.BadRequest, b => Billing("""{"type":"invoice.paid"}"""u8.ToArray())),
        new("billing: signed, id repeated", HttpStatusCode.BadRequest, b => Billing("""{"id":"inv_1","type":"invoice.paid","id":"inv_2"}"""u8.ToArray())),
        new("billing: signed, not JSON", HttpStatusCode.BadRequest, b => Billing("id=inv_1&type=invoice.paid"u8.ToArray())),

        // Razorpay, Paddle, Bitbucket and the shared-token receiver: BadInputCorpus.HmacProviders.cs.
        .. HmacProviderRefused(),
        // SendGrid, Mailgun: BadInputCorpus.SendGrid.cs, BadInputCorpus.Mailgun.cs.
        .. SendGridRefused,
        .. PayPalRefused,
        .. MailgunRefused,

        // The pipeline around every provider.
        new("pipeline: unknown receiver", HttpStatusCode.NotFound, b => GitHub(GitHubSig(GitHubBody)) with { PathAndQuery = "/webhooks/no-such-receiver" }),
        new("pipeline: encoded slash in the receiver name", HttpStatusCode.NotFound, b => GitHub(GitHubSig(GitHubBody)) with { PathAndQuery = "/webhooks/git%2Fhub" }),
        new("pipeline: GET", HttpStatusCode.MethodNotAllowed, b => new RawRequest("GET", "/webhooks/github", [], [])),
        new("pipeline: PUT with a signed body", HttpStatusCode.MethodNotAllowed, b => GitHub(GitHubSig(GitHubBody)) with { Method = "PUT" }),
        new("pipeline: DELETE", HttpStatusCode.MethodNotAllowed, b => new RawRequest("DELETE", "/webhooks/stripe", [], [])),
        new("pipeline: PATCH", HttpStatusCode.MethodNotAllowed, b => new RawRequest("PATCH", "/webhooks/gitlab", [("Content-Type", Json)], "{}"u8.ToArray())),
        new("pipeline: HEAD", HttpStatusCode.MethodNotAllowed, b => new RawRequest("HEAD", "/webhooks/slack", [], [])),
        new("pipeline: OPTIONS", HttpStatusCode.MethodNotAllowed, b => new RawRequest("OPTIONS", "/webhooks/shopify", [], [])),
        new("pipeline: Content-Length over MaxBodyBytes", HttpStatusCode.RequestEntityTooLarge, b => GitHubSigned(Filler(MaxBodyBytes + 1), Json)),
        new("pipeline: chunked body growing over MaxBodyBytes", HttpStatusCode.RequestEntityTooLarge, b => Chunked(GitHubSigned(Filler(MaxBodyBytes + 1), Json), Filler(MaxBodyBytes + 1))),
        new("pipeline: malformed chunk framing", HttpStatusCode.BadRequest, b => GitHubSigned(GitHubBody, Json) with { Headers = [.. GitHubSigned(GitHubBody, Json).Headers, ("Transfer-Encoding", "chunked")], Body = "zz\r\n{}\r\n0\r\n\r\n"u8.ToArray(), SendContentLength = false }),
    ];

    /// <summary>
    /// Unusual requests that are valid, and deliberately accepted (documented in SECURITY.md): hex digests are compared
    /// as decoded bytes, so upper-case hex is the same signature; whitespace around a header value is not part of it
    /// (RFC 9110), and Stripe's comma-separated items are trimmed; unknown schemes and extra signatures are skipped.
    /// </summary>
    public static readonly InputCase[] Accepted =
    [
        new("github: upper-case hex digest", HttpStatusCode.OK, b => GitHub("sha256=" + GitHubHex(GitHubBody).ToUpperInvariant(), delivery: "acc-github-upper"), "acc-github-upper"),
        new("github: whitespace around the header value", HttpStatusCode.OK, b => GitHub("  " + GitHubSig(OwsBody) + "\t", body: OwsBody, delivery: "acc-github-ows"), "acc-github-ows"),
        new("stripe: upper-case hex v1", HttpStatusCode.OK, b => Stripe(body => $"t={Now()},v1={StripeHex(Now(), body).ToUpperInvariant()}", "evt_acc_upper"), "evt_acc_upper"),
        new("stripe: spaces after the commas", HttpStatusCode.OK, b => Stripe(body => $"t={Now()}, v1={StripeHex(Now(), body)}, v0={new string('0', 64)}", "evt_acc_spaces"), "evt_acc_spaces"),
        new("stripe: dozens of v1 entries, one valid", HttpStatusCode.OK, b => Stripe(body => $"t={Now()}," + string.Join(',', Enumerable.Range(0, 40).Select(i => "v1=" + new string((char)('a' + (i % 6)), 64))) + $",v1={StripeHex(Now(), body)}", "evt_acc_many"), "evt_acc_many"),
        new("stripe: unknown schemes next to a valid v1", HttpStatusCode.OK, b => Stripe(body => $"t={Now()},v2=abc,scheme=x,v1={StripeHex(Now(), body)}", "evt_acc_schemes"), "evt_acc_schemes"),
        new("gitlab: token with whitespace around it", HttpStatusCode.OK, b => GitLab(" " + GitLabToken + "  ", uuid: "acc-gitlab-ows"), "acc-gitlab-ows"),
        new("standardwebhooks: v1a and a wrong v1 before the valid v1", HttpStatusCode.OK, b => StandardSigned("standardwebhooks", SigningToken, StandardBody, id: "msg_acc_multi", transform: signature => $"v1a,{signature[3..]} v1,{Convert.ToBase64String(new byte[32])} {signature}"), "msg_acc_multi"),
        new("slack: upper-case hex digest", HttpStatusCode.OK, b => Slack(SlackEvent("EvAccUpper"), transform: signature => "v0=" + signature[3..].ToUpperInvariant()), "EvAccUpper"),
        new("billing: upper-case hex digest", HttpStatusCode.OK, b => Billing(Billing("inv_acc_upper"), transform: signature => signature.ToUpperInvariant()), "inv_acc_upper"),
        .. HmacProviderAccepted(),
        .. SendGridAccepted,
        .. PayPalAccepted,
        .. MailgunAccepted,
    ];

    public static TheoryData<string> RefusedNames => [.. Refused.Select(c => c.Name)];

    public static TheoryData<string> AcceptedNames => [.. Accepted.Select(c => c.Name)];

    private static long Now() => Signatures.Now();

    private static RawRequest Post(string receiver, byte[] body, string? contentType, params (string Name, string Value)[] headers) =>
        new("POST", $"/webhooks/{receiver}", contentType is null ? headers : [("Content-Type", contentType), .. headers], body);

    // GitHub.
    private static byte[] GitHubMac(string secret, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);

    private static string GitHubHex(byte[] body) => Convert.ToHexStringLower(GitHubMac(GitHubSecret, body));

    private static string GitHubSig(byte[] body) => "sha256=" + GitHubHex(body);

    private static RawRequest GitHub(string? signature, byte[]? body = null, string? delivery = null, (string, string)[]? extra = null)
    {
        List<(string, string)> headers = [("X-GitHub-Event", "push"), ("User-Agent", "GitHub-Hookshot/044aadd"), ("X-GitHub-Delivery", delivery ?? Payloads.NewId())];

        if (signature is not null)
        {
            headers.Add(("X-Hub-Signature-256", signature));
        }

        headers.AddRange(extra ?? []);
        return Post("github", body ?? GitHubBody, Json, [.. headers]);
    }

    private static RawRequest GitHubSigned(byte[] body, string contentType, string? delivery = null, bool omitDelivery = false, (string, string)[]? extra = null)
    {
        List<(string, string)> headers = [("X-GitHub-Event", "push"), ("X-Hub-Signature-256", GitHubSig(body))];
        if (!omitDelivery)
        {
            headers.Add(("X-GitHub-Delivery", delivery ?? Payloads.NewId()));
        }

        headers.AddRange(extra ?? []);
        return Post("github", body, contentType, [.. headers]);
    }

    // Stripe.
    private static string StripeHex(long timestamp, byte[] body) => Signatures.StripeV1(StripeSecret, timestamp, body);

    private static string StripeHeader(long timestamp, byte[] body) => $"t={timestamp},v1={StripeHex(timestamp, body)}";

    private static RawRequest Stripe(Func<byte[], string?> header, string? eventId = null, bool repeat = false)
    {
        var body = Payloads.StripeEvent(eventId ?? Payloads.NewId("evt_"));
        var value = header(body);
        (string, string)[] headers = value is null ? [] : repeat ? [("Stripe-Signature", value), ("Stripe-Signature", value)] : [("Stripe-Signature", value)];
        return Post("stripe", body, "application/json; charset=utf-8", headers);
    }

    private static RawRequest StripeSigned(byte[] body) => Post("stripe", body, Json, ("Stripe-Signature", StripeHeader(Now(), body)));

    // GitLab.
    private static RawRequest GitLab(string? token, string? uuid = null, bool omitUuid = false, string? eventType = "Push Hook", string receiver = "gitlab", (string, string)[]? extra = null)
    {
        List<(string, string)> headers = [("X-Gitlab-Instance", "https://gitlab.example.com")];
        if (eventType is not null)
        {
            headers.Add(("X-Gitlab-Event", eventType));
        }

        if (!omitUuid)
        {
            headers.Add(("X-Gitlab-Event-UUID", uuid ?? Payloads.NewId()));
        }

        if (token is not null)
        {
            headers.Add(("X-Gitlab-Token", token));
        }

        headers.AddRange(extra ?? []);
        return Post(receiver, GitLabBody, Json, [.. headers]);
    }

    // Standard Webhooks (and GitLab signing tokens, and Svix).
    private static RawRequest StandardSigned(
        string receiver,
        string secret,
        byte[] body,
        string? id = null,
        long? timestamp = null,
        string? timestampText = null,
        byte[]? signedBody = null,
        string? signedId = null,
        Func<string, string>? transform = null,
        string? omit = null,
        string? renameSignatureTo = null,
        (string, string)[]? extra = null)
    {
        id ??= Payloads.NewId("msg_");
        var signedAt = timestamp ?? Now();
        var signature = Signatures.StandardWebhooks(secret, signedId ?? id, signedAt, signedBody ?? body);
        signature = transform?.Invoke(signature) ?? signature;
        List<(string Name, string Value)> headers =
        [
            ("webhook-id", id),
            ("webhook-timestamp", timestampText ?? signedAt.ToString(CultureInfo.InvariantCulture)),
            (renameSignatureTo ?? "webhook-signature", signature),
            .. extra ?? [],
        ];
        headers.RemoveAll(header => header.Name == omit);
        return Post(receiver, body, Json, [.. headers]);
    }

    // Slack.
    private static byte[] SlackEvent(string eventId) => Encoding.UTF8.GetBytes(
        $$"""{"team_id":"T1","api_app_id":"A1","event":{"type":"app_mention","user":"U1","text":"hi","channel":"C1","ts":"1.2"},"type":"event_callback","event_id":"{{eventId}}","event_time":1515449522}""");

    private static RawRequest Slack(byte[] body, long? timestamp = null, bool omitTimestamp = false, Func<string, string>? transform = null, string contentType = Json)
    {
        var t = (timestamp ?? Now()).ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"v0:{t}:").Concat(body).ToArray();
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SlackSecret), signed));
        signature = transform?.Invoke(signature) ?? signature;
        (string, string)[] headers = omitTimestamp ? [("X-Slack-Signature", signature)] : [("X-Slack-Request-Timestamp", t), ("X-Slack-Signature", signature)];
        return Post("slack", body, contentType, headers);
    }

    // Shopify.
    private static byte[] ShopifyMac(byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(ShopifySecret), body);

    private static RawRequest Shopify(string signature, string? topic = "orders/create")
    {
        List<(string, string)> headers = [("X-Shopify-Webhook-Id", Payloads.NewId()), ("X-Shopify-Shop-Domain", "example.myshopify.com"), ("X-Shopify-Hmac-Sha256", signature)];
        if (topic is not null)
        {
            headers.Add(("X-Shopify-Topic", topic));
        }

        return Post("shopify", ShopifyBody, Json, [.. headers]);
    }

    // Twilio.
    private static RawRequest Twilio(Uri baseAddress, byte[] signedBody, byte[]? sentBody = null, Uri? signedUrl = null, string contentType = Form, string query = "")
    {
        // The receiver has a PublicBaseUrl, so Twilio signs that URL, not the test server's.
        _ = baseAddress;
        var path = "/webhooks/twilio" + query;
        var url = signedUrl ?? new Uri(TwilioPublicBaseUrl + path);
        var signature = ProviderCases.TwilioSignature(TwilioToken, url, contentType == Form ? signedBody : []);
        return Post("twilio", sentBody ?? signedBody, contentType, ("I-Twilio-Idempotency-Token", Payloads.NewId()), ("X-Twilio-Signature", signature)) with { PathAndQuery = path };
    }

    // Any HMAC sender.
    private static byte[] Billing(string id) => Encoding.UTF8.GetBytes($$"""{"id":"{{id}}","type":"invoice.paid","amount":12.5}""");

    private static RawRequest Billing(byte[] body, bool omitTimestamp = false, Func<string, string>? transform = null)
    {
        var t = Now().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(t + ".").Concat(body).ToArray();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(BillingSecret), signed));
        signature = "sha256=" + (transform?.Invoke(signature) ?? signature);
        (string, string)[] headers = omitTimestamp ? [("X-Billing-Signature", signature)] : [("X-Billing-Timestamp", t), ("X-Billing-Signature", signature)];
        return Post("billing", body, Json, headers);
    }

    // Bodies.
    private static byte[] Nested(int depth) =>
        Encoding.UTF8.GetBytes("{\"id\":\"evt_deep\",\"type\":\"customer.updated\",\"data\":" + new string('[', depth) + new string(']', depth) + "}");

    private static byte[] Filler(int length)
    {
        var body = new byte[length];
        Array.Fill(body, (byte)'x');
        return body;
    }

    private static RawRequest Chunked(RawRequest request, byte[] body)
    {
        var framed = new MemoryStream();
        for (var offset = 0; offset < body.Length; offset += 4096)
        {
            var size = Math.Min(4096, body.Length - offset);
            framed.Write(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + "\r\n"));
            framed.Write(body, offset, size);
            framed.Write("\r\n"u8);
        }

        framed.Write("0\r\n\r\n"u8);
        return request with { Headers = [.. request.Headers, ("Transfer-Encoding", "chunked")], Body = framed.ToArray(), SendContentLength = false };
    }
}
