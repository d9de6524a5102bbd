using System.Security.Cryptography;
using System.Text;
using CsCheck;
using WebhookKit.Bitbucket;
using WebhookKit.Paddle;
using WebhookKit.Razorpay;
using WebhookKit.SharedToken;
using static WebhookKit.Tests.Fuzz.FuzzGen;

namespace WebhookKit.Tests.Fuzz;

/// <summary>The verifiers of the providers that sign the raw body with an HMAC of their own format, and the shared-token receiver.</summary>
internal static partial class FuzzTargets
{
    // Razorpay: X-Razorpay-Signature: <hex HMAC-SHA256(secret, body)>; id X-Razorpay-Event-Id, type the body's "event".
    private static FuzzTarget Razorpay()
    {
        const string signature = "X-Razorpay-Signature";
        static byte[] Mac(string secret, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        static byte[] Event(string type, string note) => Json(("entity", "event"), ("event", type), ("payload", new (string, object)[] { ("note", note) }));
        static FuzzRequest Sign(string secret, byte[] body, string id) =>
            new(body, [("X-Razorpay-Event-Id", id), (signature, Convert.ToHexStringLower(Mac(secret, body)))]);

        return new FuzzTarget
        {
            Name = "razorpay",
            Create = secret => new RazorpayWebhookProvider(Options<RazorpayWebhookOptions>(secret)),
            Signed = Gen.Select(Secret, NonEmptyText, Text, Id, (secret, type, note, id) => new FuzzCase(secret, Sign(secret, Event(type, note), id), id)),
            Changed = Gen.Select(Secret, NonEmptyText, Id, Choice, (secret, type, id, choice) =>
            {
                var body = Event(type, "captured");
                var signed = Sign(secret, body, id);
                return (choice % 4) switch
                {
                    0 => new FuzzCase(secret, signed with { Body = ChangeBody(body, choice / 4) }, Change: "body"),
                    1 => new FuzzCase(secret, signed.WithHeader(signature, Convert.ToHexStringLower(Flip(Mac(secret, body), choice / 4))), Change: "signature"),
                    2 => new FuzzCase(secret, Sign(Other(secret, choice / 4), body, id), Change: "secret"),
                    _ => new FuzzCase(secret, signed.WithHeader(signature, Convert.ToBase64String(Mac(secret, body))), Change: "encoding"),
                };
            }),
            Random = Gen.Select(Secret, Body, Headers(signature, "X-Razorpay-Event-Id"), (secret, body, headers) => new FuzzCase(secret, new FuzzRequest(body, headers))),
        };
    }

    // Paddle Billing: Paddle-Signature: ts=<unix>;h1=<hex HMAC-SHA256(secret, "{ts}:{body}")>; id and type in the body.
    private static FuzzTarget Paddle()
    {
        const string signature = "Paddle-Signature";
        static byte[] Mac(string secret, long t, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Utf8(Ascii(t) + ":").Concat(body).ToArray());
        static byte[] Event(string id, string type, string note) => Json(("event_id", id), ("event_type", type), ("data", new (string, object)[] { ("note", note) }));
        static FuzzRequest Sign(string secret, byte[] body, long t) => new(body, [(signature, $"ts={t};h1={Convert.ToHexStringLower(Mac(secret, t, body))}")]);

        return new FuzzTarget
        {
            Name = "paddle",
            Create = secret => new PaddleWebhookProvider(Options<PaddleWebhookOptions>(secret), Clock()),
            Signed = Gen.Select(Secret, Id, NonEmptyText, Text, Timestamp, (secret, id, type, note, t) => new FuzzCase(secret, Sign(secret, Event(id, type, note), t), id)),
            Changed = Gen.Select(Secret, Id, NonEmptyText, Timestamp, Choice, (secret, id, type, t, choice) =>
            {
                var body = Event(id, type, "completed");
                var signed = Sign(secret, body, t);
                var mac = Mac(secret, t, body);
                return (choice % 5) switch
                {
                    0 => new FuzzCase(secret, signed with { Body = ChangeBody(body, choice / 5) }, Change: "body"),
                    1 => new FuzzCase(secret, signed.WithHeader(signature, $"ts={Shift(t, choice / 5)};h1={Convert.ToHexStringLower(mac)}"), Change: "timestamp"),
                    2 => new FuzzCase(secret, signed.WithHeader(signature, $"ts={t};h1={Convert.ToHexStringLower(Flip(mac, choice / 5))}"), Change: "signature"),
                    3 => new FuzzCase(secret, Sign(Other(secret, choice / 5), body, t), Change: "secret"),
                    _ => new FuzzCase(secret, signed.WithHeader(signature, $"ts={t};h2={Convert.ToHexStringLower(mac)}"), Change: "scheme"),
                };
            }),
            Random = Gen.Select(Secret, Body, Headers(signature), (secret, body, headers) => new FuzzCase(secret, new FuzzRequest(body, headers))),
        };
    }

    // Bitbucket Cloud: X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, body)>; X-Request-UUID and X-Event-Key unsigned.
    private static FuzzTarget Bitbucket()
    {
        const string signature = "X-Hub-Signature";
        static byte[] Mac(string secret, byte[] body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        static FuzzRequest Sign(string secret, byte[] body, string id) =>
            new(body, [("X-Event-Key", "repo:push"), ("X-Request-UUID", id), (signature, "sha256=" + Convert.ToHexStringLower(Mac(secret, body)))]);

        return new FuzzTarget
        {
            Name = "bitbucket",
            Create = secret => new BitbucketWebhookProvider(Options<BitbucketWebhookOptions>(secret)),
            Signed = Gen.Select(Secret, Body, Id, (secret, body, id) => new FuzzCase(secret, Sign(secret, body, id), id)),
            Changed = Gen.Select(Secret, Body, Id, Choice, (secret, body, id, choice) =>
            {
                var signed = Sign(secret, body, id);
                return (choice % 4) switch
                {
                    0 => new FuzzCase(secret, signed with { Body = ChangeBody(body, choice / 4) }, Change: "body"),
                    1 => new FuzzCase(secret, signed.WithHeader(signature, "sha256=" + Convert.ToHexStringLower(Flip(Mac(secret, body), choice / 4))), Change: "signature"),
                    2 => new FuzzCase(secret, Sign(Other(secret, choice / 4), body, id), Change: "secret"),
                    _ => new FuzzCase(secret, signed.WithHeader(signature, "sha1=" + Convert.ToHexStringLower(Mac(secret, body))), Change: "scheme"),
                };
            }),
            Random = Gen.Select(Secret, Body, Headers(signature, "X-Hub-Signature-256", "X-Event-Key", "X-Request-UUID", "X-Hook-UUID"), (secret, body, headers) => new FuzzCase(secret, new FuzzRequest(body, headers))),
        };
    }

    // Shared token: Authorization: Bearer <token> (compared as hashes); nothing else is checked, so only the token is changed.
    private static FuzzTarget SharedTokenBearer()
    {
        static byte[] Event(string note) => Json(("zap", "new-lead"), ("note", note));
        static FuzzRequest Send(string token, byte[] body, string id, string scheme = "Bearer ") =>
            new(body, [("X-Id", id), ("Authorization", scheme + token)]);

        return new FuzzTarget
        {
            Name = "token-bearer",
            Create = token =>
            {
                var options = Options<SharedTokenWebhookOptions>(token);
                options.EventIdHeader = "X-Id";
                return new SharedTokenWebhookProvider(options);
            },
            Signed = Gen.Select(Secret, Text, Id, (token, note, id) => new FuzzCase(token, Send(token, Event(note), id), id)),
            Changed = Gen.Select(Secret, Text, Id, Choice, (token, note, id, choice) => (choice % 5) switch
            {
                0 => new FuzzCase(token, Send(Other(token, choice / 5), Event(note), id), Change: "token character"),
                1 => new FuzzCase(token, Send(token + (char)('!' + (choice % 90)), Event(note), id), Change: "token suffix"),
                2 => new FuzzCase(token, Send(token[..^1], Event(note), id), Change: "token truncated"),
                3 => new FuzzCase(token, Send(token, Event(note), id, scheme: "Basic "), Change: "scheme"),
                _ => new FuzzCase(token, Send(token, Event(note), id) with { Headers = [("X-Id", id), ("Authorization", "Bearer " + token), ("Authorization", "Bearer " + token)] }, Change: "token repeated"),
            }),
            Random = Gen.Select(Secret, Body, Headers("Authorization", "X-Id", "X-Webhook-Token"), (token, body, headers) => new FuzzCase(token, new FuzzRequest(body, headers))),
        };
    }
}
