using System.Security.Cryptography;
using System.Text;
using CsCheck;
using WebhookKit.Mailgun;
using static WebhookKit.Tests.Fuzz.FuzzGen;

namespace WebhookKit.Tests.Fuzz;

/// <summary>Mailgun's fuzz target: the signature is in the body and covers the timestamp and token, so those (not the event data) are what a change must break.</summary>
internal static partial class FuzzTargets
{
    // Mailgun: {"signature":{"timestamp","token","signature": hex HMAC-SHA256(key, timestamp + token)},"event-data":{…}}.
    private static FuzzTarget Mailgun()
    {
        static string Mac(string secret, long t, string token) => Convert.ToHexStringLower(HMACSHA256.HashData(Utf8(secret), Utf8(Ascii(t) + token)));
        static FuzzRequest Delivery(long t, string token, string signature, string note, string timestampText) =>
            new(Encoding.UTF8.GetBytes(
                "{\"signature\":{\"timestamp\":\"" + timestampText + "\",\"token\":\"" + token + "\",\"signature\":\"" + signature + "\"},\"event-data\":"
                + Encoding.UTF8.GetString(Json(("event", "delivered"), ("note", note))) + "}"),
                []);
        static FuzzRequest Sign(string secret, long t, string token, string note) => Delivery(t, token, Mac(secret, t, token), note, Ascii(t));

        return new FuzzTarget
        {
            Name = "mailgun",
            Create = secret => new MailgunWebhookProvider(Options<MailgunWebhookOptions>(secret), Clock()),
            Signed = Gen.Select(Secret, Timestamp, Id, Text, (secret, t, token, note) => new FuzzCase(secret, Sign(secret, t, token, note), token)),
            Changed = Gen.Select(Secret, Timestamp, Id, Text, Choice, (secret, t, token, note, choice) =>
            {
                var mac = Mac(secret, t, token);
                return (choice % 4) switch
                {
                    0 => new FuzzCase(secret, Delivery(t, token, mac, note, Ascii(Shift(t, choice / 4))), Change: "timestamp"),
                    1 => new FuzzCase(secret, Delivery(t, token + "x", mac, note, Ascii(t)), Change: "token"),
                    2 => new FuzzCase(secret, Delivery(t, token, Convert.ToHexStringLower(Flip(Convert.FromHexString(mac), choice / 4)), note, Ascii(t)), Change: "signature"),
                    _ => new FuzzCase(secret, Sign(Other(secret, choice / 4), t, token, note), Change: "secret"),
                };
            }),
            Random = Gen.Select(Secret, Body, Headers("X-Mailgun-Signature"), ContentType, (secret, body, headers, type) => new FuzzCase(secret, new FuzzRequest(body, headers, type))),
        };
    }
}
