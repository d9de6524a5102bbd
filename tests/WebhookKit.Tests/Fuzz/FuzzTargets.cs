using System.Security.Cryptography;
using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.Hmac;
using WebhookKit.Shopify;
using WebhookKit.Slack;
using WebhookKit.StandardWebhooks;
using WebhookKit.Stripe;
using WebhookKit.Twilio;
using static WebhookKit.Tests.Fuzz.FuzzGen;

namespace WebhookKit.Tests.Fuzz;

/// <summary>
/// Every verifier in src/WebhookKit/Providers as a <see cref="FuzzTarget"/>. Signing here follows each provider's
/// documented scheme, independently of the library's verifiers.
/// </summary>
internal static partial class FuzzTargets
{
    private const string GitHubSignature = "X-Hub-Signature-256";
    private const string StripeSignature = "Stripe-Signature";
    private const string GitLabToken = "X-Gitlab-Token";
    private const string SlackSignature = "X-Slack-Signature";
    private const string SlackTimestamp = "X-Slack-Request-Timestamp";
    private const string ShopifySignature = "X-Shopify-Hmac-Sha256";
    private const string TwilioSignature = "X-Twilio-Signature";
    private const string TwilioUrl = "https://example.com/webhooks/twilio";
    private const string Form = "application/x-www-form-urlencoded";

    public static readonly FuzzTarget[] All =
    [
        GitHub(),
        Stripe(),
        GitLabToken_(),
        StandardWebhooks("standardwebhooks", prefix: "webhook", gitLab: false),
        StandardWebhooks("svix", prefix: "svix", gitLab: false),
        StandardWebhooks("gitlab-signing-token", prefix: "webhook", gitLab: true),
        Slack(),
        Shopify(),
        Twilio(),
        Hmac("hmac-sha256-hex-timestamp", HmacSignatureAlgorithm.Sha256, HmacSignatureEncoding.Hex, "sha256=", "{timestamp}.{body}"),
        Hmac("hmac-sha512-base64-id-timestamp", HmacSignatureAlgorithm.Sha512, HmacSignatureEncoding.Base64, null, "{id}.{timestamp}.{body}"),
        Hmac("hmac-sha1-hex-body", HmacSignatureAlgorithm.Sha1, HmacSignatureEncoding.Hex, null, "{body}"),

        // FuzzTargets.HmacProviders.cs
        Razorpay(),
        Paddle(),
        Bitbucket(),
        SharedTokenBearer(),
        // FuzzTargets.SendGrid.cs, FuzzTargets.Mailgun.cs, FuzzTargets.PayPal.cs.
        SendGrid(),
        Mailgun(),
        PayPal(),
    ];

    public static TheoryData<string> Names => [.. All.Select(target => target.Name)];

    public static FuzzTarget Get(string name) => All.Single(target => target.Name == name);

    private static FakeTimeProvider Clock() => new(DateTimeOffset.FromUnixTimeSeconds(FuzzSettings.Now));

    private static T Options<T>(string secret)
        where T : WebhookReceiverOptions, new()
    {
        var options = new T { AllowShortSecrets = true };
        options.Secrets.Add(secret);
        return options;
    }

    // GitHub: X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, body)>.
    private static FuzzTarget GitHub()
    {
        static byte[] Mac(string secret, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        static FuzzRequest Sign(string secret, byte[] body, string id) =>
            new(body, [("X-GitHub-Event", "push"), ("X-GitHub-Delivery", id), (GitHubSignature, "sha256=" + Convert.ToHexStringLower(Mac(secret, body)))]);

        return new FuzzTarget
        {
            Name = "github",
            Create = secret => new GitHubWebhookProvider(Options<GitHubWebhookOptions>(secret)),
            Signed = Gen.Select(Secret, Body, Id, (secret, body, id) => new FuzzCase(secret, Sign(secret, body, id), id)),
            Changed = Gen.Select(Secret, Body, Id, Choice, (secret, body, id, choice) =>
            {
                var signed = Sign(secret, body, id);
                return (choice % 4) switch
                {
                    0 => new FuzzCase(secret, signed with { Body = ChangeBody(body, choice / 4) }, Change: "body"),
                    1 => new FuzzCase(secret, signed.WithHeader(GitHubSignature, "sha256=" + Convert.ToHexStringLower(Flip(Mac(secret, body), choice / 4))), Change: "signature"),
                    2 => new FuzzCase(secret, Sign(Other(secret, choice / 4), body, id), Change: "secret"),
                    _ => new FuzzCase(secret, signed.WithHeader(GitHubSignature, "sha1=" + Convert.ToHexStringLower(Mac(secret, body))), Change: "scheme"),
                };
            }),
            Random = Gen.Select(Secret, Body, Headers(GitHubSignature, "X-Hub-Signature", "X-GitHub-Delivery", "X-GitHub-Event"), ContentType, (secret, body, headers, type) =>
                new FuzzCase(secret, new FuzzRequest(body, headers, type))),
        };
    }

    // Stripe: Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256(whole whsec_ secret, "{t}.{body}")>; id and type in the body.
    private static FuzzTarget Stripe()
    {
        static byte[] Mac(string secret, long t, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Utf8(Ascii(t) + ".").Concat(body).ToArray());
        static byte[] Event(string id, string type, string note) => Json(("id", id), ("object", "event"), ("type", type), ("data", new (string, object)[] { ("object", new (string, object)[] { ("note", note) }) }));
        static FuzzRequest Sign(string secret, byte[] body, long t) => new(body, [(StripeSignature, $"t={t},v1={Convert.ToHexStringLower(Mac(secret, t, body))}")]);
        var secrets = Secret.Select(secret => "whsec_" + secret);

        return new FuzzTarget
        {
            Name = "stripe",
            Create = secret => new StripeWebhookProvider(Options<StripeWebhookOptions>(secret), Clock()),
            Signed = Gen.Select(secrets, Id, NonEmptyText, Text, Timestamp, (secret, id, type, note, t) => new FuzzCase(secret, Sign(secret, Event(id, type, note), t), id)),
            Changed = Gen.Select(secrets, Id, NonEmptyText, Text, Timestamp, Choice, (secret, id, type, note, t, choice) =>
            {
                var body = Event(id, type, note);
                var signed = Sign(secret, body, t);
                var mac = Mac(secret, t, body);
                return (choice % 5) switch
                {
                    0 => new FuzzCase(secret, signed with { Body = ChangeBody(body, choice / 5) }, Change: "body"),
                    1 => new FuzzCase(secret, signed.WithHeader(StripeSignature, $"t={Shift(t, choice / 5)},v1={Convert.ToHexStringLower(mac)}"), Change: "timestamp"),
                    2 => new FuzzCase(secret, signed.WithHeader(StripeSignature, $"t={t},v1={Convert.ToHexStringLower(Flip(mac, choice / 5))}"), Change: "signature"),
                    3 => new FuzzCase(secret, Sign(Other(secret, choice / 5), body, t), Change: "secret"),
                    _ => new FuzzCase(secret, signed.WithHeader(StripeSignature, $"t={t},v0={Convert.ToHexStringLower(mac)}"), Change: "scheme"),
                };
            }),
            Random = Gen.Select(secrets, Body, Headers(StripeSignature), ContentType, (secret, body, headers, type) => new FuzzCase(secret, new FuzzRequest(body, headers, type))),
        };
    }

    // GitLab with a secret token: X-Gitlab-Token equals the token (compared as hashes).
    private static FuzzTarget GitLabToken_()
    {
        static FuzzRequest Send(string token, byte[] body, string id) =>
            new(body, [("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Event-UUID", id), (GitLabToken, token)]);

        return new FuzzTarget
        {
            Name = "gitlab-token",
            Create = token => new GitLabWebhookProvider(Options<GitLabWebhookOptions>(token), Clock()),
            Signed = Gen.Select(Secret, Body, Id, (token, body, id) => new FuzzCase(token, Send(token, body, id), id)),
            Changed = Gen.Select(Secret, Body, Id, Choice, (token, body, id, choice) => (choice % 4) switch
            {
                0 => new FuzzCase(token, Send(Other(token, choice / 4), body, id), Change: "token character"),
                1 => new FuzzCase(token, Send(token + (char)('!' + (choice % 90)), body, id), Change: "token suffix"),
                2 => new FuzzCase(token, Send(token[..^1], body, id), Change: "token truncated"),
                _ => new FuzzCase(token, Send(token[1..] + token[0], body, id) with { Headers = [("X-Gitlab-Event", "Push Hook"), ("X-Gitlab-Event-UUID", id), (GitLabToken, token), (GitLabToken, token)] }, Change: "token repeated"),
            }),
            Random = Gen.Select(Secret, Body, Headers(GitLabToken, "X-Gitlab-Event", "X-Gitlab-Event-UUID", "webhook-signature", "webhook-id", "webhook-timestamp"), (token, body, headers) =>
                new FuzzCase(token, new FuzzRequest(body, headers))),
        };
    }

    // Standard Webhooks (Svix's names, GitLab signing tokens): {prefix}-signature: v1,<base64 HMAC-SHA256(key, "{id}.{t}.{body}")>.
    private static FuzzTarget StandardWebhooks(string name, string prefix, bool gitLab)
    {
        static byte[] Mac(string secret, string id, long t, byte[] body) =>
            HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Utf8($"{id}.{Ascii(t)}.").Concat(body).ToArray());
        var secrets = Gen.Byte.Array[16, 64].Select(key => "whsec_" + Convert.ToBase64String(key));
        var signatureHeader = $"{prefix}-signature";
        FuzzRequest Sign(string secret, string id, long t, byte[] body, string? signedId = null) =>
            new(body, [("X-Gitlab-Event", "Push Hook"), ($"{prefix}-id", id), ($"{prefix}-timestamp", Ascii(t)), (signatureHeader, "v1," + Convert.ToBase64String(Mac(secret, signedId ?? id, t, body)))]);
        var bodies = gitLab ? Body : Gen.Select(NonEmptyText, Text, (type, note) => Json(("type", type), ("data", new (string, object)[] { ("note", note) })));

        return new FuzzTarget
        {
            Name = name,
            Create = secret => gitLab
                ? new GitLabWebhookProvider(new GitLabWebhookOptions { AllowShortSecrets = true, SigningTokens = { secret } }, Clock())
                : new StandardWebhooksProvider(Options<StandardWebhooksWebhookOptions>(secret), Clock()),
            Signed = Gen.Select(secrets, Id, Timestamp, bodies, (secret, id, t, body) => new FuzzCase(secret, Sign(secret, id, t, body), id)),
            Changed = Gen.Select(secrets, Id, Timestamp, bodies, Choice, (secret, id, t, body, choice) =>
            {
                var signed = Sign(secret, id, t, body);
                var mac = Mac(secret, id, t, body);
                return (choice % 6) switch
                {
                    0 => new FuzzCase(secret, signed with { Body = ChangeBody(body, choice / 6) }, Change: "body"),
                    1 => new FuzzCase(secret, signed.WithHeader($"{prefix}-timestamp", Ascii(Shift(t, choice / 6))), Change: "timestamp"),
                    2 => new FuzzCase(secret, Sign(secret, id, t, body, signedId: id + "x"), Change: "id"),
                    3 => new FuzzCase(secret, signed.WithHeader(signatureHeader, "v1," + Convert.ToBase64String(Flip(mac, choice / 6))), Change: "signature"),
                    4 => new FuzzCase(secret, Sign("whsec_" + Convert.ToBase64String(Flip(Convert.FromBase64String(secret[6..]), choice / 6)), id, t, body), Change: "secret"),
                    _ => new FuzzCase(secret, signed.WithHeader(signatureHeader, "v1a," + Convert.ToBase64String(mac)), Change: "version"),
                };
            }),
            Random = Gen.Select(secrets, Body, Headers($"{prefix}-id", $"{prefix}-timestamp", signatureHeader, "webhook-signature", "svix-signature", "X-Gitlab-Token"), (secret, body, headers) =>
                new FuzzCase(secret, new FuzzRequest(body, headers))),
        };
    }

    // Slack: X-Slack-Signature: v0=<hex HMAC-SHA256(secret, "v0:{t}:{body}")>.
    private static FuzzTarget Slack()
    {
        static byte[] Mac(string secret, long t, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Utf8($"v0:{Ascii(t)}:").Concat(body).ToArray());
        static FuzzRequest Sign(string secret, long t, byte[] body) =>
            new(body, [(SlackTimestamp, Ascii(t)), (SlackSignature, "v0=" + Convert.ToHexStringLower(Mac(secret, t, body)))]);
        static byte[] Event(string id, string type, string text) =>
            Json(("type", "event_callback"), ("event_id", id), ("event", new (string, object)[] { ("type", type), ("text", text) }));

        return new FuzzTarget
        {
            Name = "slack",
            Create = secret => new SlackWebhookProvider(Options<SlackWebhookOptions>(secret), Clock()),
            Signed = Gen.Select(Secret, Timestamp, Id, NonEmptyText, Text, (secret, t, id, type, text) => new FuzzCase(secret, Sign(secret, t, Event(id, type, text)), id)),
            Changed = Gen.Select(Secret, Timestamp, Id, NonEmptyText, Choice, (secret, t, id, type, choice) =>
            {
                var body = Event(id, type, "hello");
                var signed = Sign(secret, t, body);
                return (choice % 4) switch
                {
                    0 => new FuzzCase(secret, signed with { Body = ChangeBody(body, choice / 4) }, Change: "body"),
                    1 => new FuzzCase(secret, signed.WithHeader(SlackTimestamp, Ascii(Shift(t, choice / 4))), Change: "timestamp"),
                    2 => new FuzzCase(secret, signed.WithHeader(SlackSignature, "v0=" + Convert.ToHexStringLower(Flip(Mac(secret, t, body), choice / 4))), Change: "signature"),
                    _ => new FuzzCase(secret, Sign(Other(secret, choice / 4), t, body), Change: "secret"),
                };
            }),
            Random = Gen.Select(Secret, Body, Headers(SlackSignature, SlackTimestamp), ContentType, (secret, body, headers, type) => new FuzzCase(secret, new FuzzRequest(body, headers, type))),
        };
    }

    // Shopify: X-Shopify-Hmac-Sha256: <base64 HMAC-SHA256(secret, body)>.
    private static FuzzTarget Shopify()
    {
        static byte[] Mac(string secret, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        static FuzzRequest Sign(string secret, byte[] body, string id) =>
            new(body, [("X-Shopify-Topic", "orders/create"), ("X-Shopify-Webhook-Id", id), (ShopifySignature, Convert.ToBase64String(Mac(secret, body)))]);

        return new FuzzTarget
        {
            Name = "shopify",
            Create = secret => new ShopifyWebhookProvider(Options<ShopifyWebhookOptions>(secret)),
            Signed = Gen.Select(Secret, Body, Id, (secret, body, id) => new FuzzCase(secret, Sign(secret, body, id), id)),
            Changed = Gen.Select(Secret, Body, Id, Choice, (secret, body, id, choice) => (choice % 3) switch
            {
                0 => new FuzzCase(secret, Sign(secret, body, id) with { Body = ChangeBody(body, choice / 3) }, Change: "body"),
                1 => new FuzzCase(secret, Sign(secret, body, id).WithHeader(ShopifySignature, Convert.ToBase64String(Flip(Mac(secret, body), choice / 3))), Change: "signature"),
                _ => new FuzzCase(secret, Sign(Other(secret, choice / 3), body, id), Change: "secret"),
            }),
            Random = Gen.Select(Secret, Body, Headers(ShopifySignature, "X-Shopify-Topic", "X-Shopify-Webhook-Id"), (secret, body, headers) => new FuzzCase(secret, new FuzzRequest(body, headers))),
        };
    }

    // Twilio: X-Twilio-Signature: <base64 HMAC-SHA1(auth token, URL + form parameters sorted by name, each name then value)>.
    private static FuzzTarget Twilio()
    {
        var parameters = Gen.Select(Text, Text, (name, value) => (Name: name, Value: value)).Array[0, 8];
        var queries = Gen.String[Gen.Char.AlphaNumeric, 0, 12].Select(q => q.Length == 0 ? string.Empty : $"?q={q}");

        static string Encode((string Name, string Value)[] fields) =>
            string.Join('&', fields.Select(field => Uri.EscapeDataString(field.Name) + "=" + Uri.EscapeDataString(field.Value)));
        static byte[] Mac(string token, string url, (string Name, string Value)[] fields)
        {
            var data = new StringBuilder(url);
            foreach (var (name, value) in fields.OrderBy(field => field.Name, StringComparer.Ordinal).ThenBy(field => field.Value, StringComparer.Ordinal))
            {
                data.Append(name).Append(value);
            }

#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1.
            return HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        }

        static FuzzRequest Send(string token, string url, (string Name, string Value)[] fields, string id, string? signedUrl = null, (string, string)[]? signedFields = null) =>
            new(Utf8(Encode(fields)), [("I-Twilio-Idempotency-Token", id), (TwilioSignature, Convert.ToBase64String(Mac(token, signedUrl ?? url, signedFields ?? fields)))], Form, url);

        return new FuzzTarget
        {
            Name = "twilio",
            Create = token => new TwilioWebhookProvider(Options<TwilioWebhookOptions>(token)),
            Signed = Gen.Select(Secret, queries, parameters, Id, (token, query, fields, id) => new FuzzCase(token, Send(token, TwilioUrl + query, fields, id), id)),
            Changed = Gen.Select(Secret, queries, parameters, Id, Choice, (token, query, fields, id, choice) =>
            {
                var url = TwilioUrl + query;
                var at = fields.Length == 0 ? 0 : choice / 7 % fields.Length;
                return (choice % 7) switch
                {
                    // Every change alters the signed string (its length), since Twilio's concatenation is otherwise ambiguous.
                    0 when fields.Length > 0 => new FuzzCase(token, Send(token, url, [.. fields.Select((f, i) => i == at ? (f.Name, f.Value + "x") : f)], id, signedFields: fields), Change: "parameter value"),
                    1 when fields.Any(f => f.Name.Length + f.Value.Length > 0) => new FuzzCase(token, Send(token, url, [.. fields.Where(f => f != fields.First(g => g.Name.Length + g.Value.Length > 0))], id, signedFields: fields), Change: "parameter removed"),
                    2 => new FuzzCase(token, Send(token, url, [.. fields, ("Injected", "1")], id, signedFields: fields), Change: "parameter added"),
                    3 => new FuzzCase(token, Send(token, TwilioUrl + "x" + query, fields, id, signedUrl: url), Change: "path"),
                    4 => new FuzzCase(token, Send(token, url + (query.Length == 0 ? "?z=1" : "&z=1"), fields, id, signedUrl: url), Change: "query"),
                    5 => new FuzzCase(token, Send(token, url, fields, id).WithHeader(TwilioSignature, Convert.ToBase64String(Flip(Mac(token, url, fields), choice / 7))), Change: "signature"),
                    _ => new FuzzCase(token, Send(Other(token, choice / 7), url, fields, id), Change: "token"),
                };
            }),
            Random = Gen.Select(Secret, Body, Headers(TwilioSignature, "I-Twilio-Idempotency-Token"), ContentType, queries, (token, body, headers, type, query) =>
                new FuzzCase(token, new FuzzRequest(body, headers, type, body.Length % 2 == 0
                    ? TwilioUrl + query + (query.Length == 0 ? "?" : "&") + "bodySHA256=" + Convert.ToHexStringLower(SHA256.HashData(body)) // the JSON path: the body's hash matches, the signature is random
                    : TwilioUrl + query))),
        };
    }

    // Any HMAC sender, as configured.
    private static FuzzTarget Hmac(string name, HmacSignatureAlgorithm algorithm, HmacSignatureEncoding encoding, string? signaturePrefix, string signedContent)
    {
        var usesTimestamp = signedContent.Contains("{timestamp}", StringComparison.Ordinal);
        var usesId = signedContent.Contains("{id}", StringComparison.Ordinal);
        byte[] Mac(string secret, string id, long t, byte[] body)
        {
            var content = Utf8(signedContent[..^"{body}".Length].Replace("{timestamp}", Ascii(t), StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal)).Concat(body).ToArray();
            var key = Encoding.UTF8.GetBytes(secret);
#pragma warning disable CA5350 // The HMAC receiver supports SHA-1 senders.
            return algorithm switch
            {
                HmacSignatureAlgorithm.Sha1 => HMACSHA1.HashData(key, content),
                HmacSignatureAlgorithm.Sha512 => HMACSHA512.HashData(key, content),
                _ => HMACSHA256.HashData(key, content),
            };
#pragma warning restore CA5350
        }

        string Encode(byte[] mac) => signaturePrefix + (encoding == HmacSignatureEncoding.Base64 ? Convert.ToBase64String(mac) : Convert.ToHexStringLower(mac));
        FuzzRequest Sign(string secret, string id, long t, byte[] body, string? signedId = null)
        {
            List<(string, string)> headers = [("X-Id", id), ("X-Type", "invoice.paid"), ("X-Signature", Encode(Mac(secret, signedId ?? id, t, body)))];
            if (usesTimestamp)
            {
                headers.Add(("X-Timestamp", Ascii(t)));
            }

            return new FuzzRequest(body, [.. headers]);
        }

        return new FuzzTarget
        {
            Name = name,
            Create = secret =>
            {
                var options = Options<HmacWebhookOptions>(secret);
                options.SignatureHeader = "X-Signature";
                options.SignaturePrefix = signaturePrefix;
                options.Algorithm = algorithm;
                options.SignatureEncoding = encoding;
                options.TimestampHeader = usesTimestamp ? "X-Timestamp" : null;
                options.SignedContent = signedContent;
                options.EventIdHeader = "X-Id";
                options.EventTypeHeader = "X-Type";
                return new HmacWebhookProvider(options, Clock());
            },
            Signed = Gen.Select(Secret, Id, Timestamp, Body, (secret, id, t, body) => new FuzzCase(secret, Sign(secret, id, t, body), id)),
            Changed = Gen.Select(Secret, Id, Timestamp, Body, Choice, (secret, id, t, body, choice) =>
            {
                var signed = Sign(secret, id, t, body);
                return (choice % 5) switch
                {
                    0 => new FuzzCase(secret, signed with { Body = ChangeBody(body, choice / 5) }, Change: "body"),
                    1 when usesTimestamp => new FuzzCase(secret, signed.WithHeader("X-Timestamp", Ascii(Shift(t, choice / 5))), Change: "timestamp"),
                    2 when usesId => new FuzzCase(secret, Sign(secret, id, t, body, signedId: id + "x"), Change: "id"),
                    3 => new FuzzCase(secret, signed.WithHeader("X-Signature", Encode(Flip(Mac(secret, id, t, body), choice / 5))), Change: "signature"),
                    _ => new FuzzCase(secret, Sign(Other(secret, choice / 5), id, t, body), Change: "secret"),
                };
            }),
            Random = Gen.Select(Secret, Body, Headers("X-Signature", "X-Timestamp", "X-Id", "X-Type"), (secret, body, headers) => new FuzzCase(secret, new FuzzRequest(body, headers))),
        };
    }
}
