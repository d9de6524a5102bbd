using System.Collections.Concurrent;
using System.Security.Cryptography;
using CsCheck;
using WebhookKit.SendGrid;
using static WebhookKit.Tests.Fuzz.FuzzGen;

namespace WebhookKit.Tests.Fuzz;

/// <summary>SendGrid's fuzz target: an asymmetric scheme, so each generated "secret" names a P-256 key made for it.</summary>
internal static partial class FuzzTargets
{
    private const string SendGridSignature = "X-Twilio-Email-Event-Webhook-Signature";
    private const string SendGridTimestamp = "X-Twilio-Email-Event-Webhook-Timestamp";

    // SendGrid: base64 DER ECDSA P-256 (SHA-256) over "{timestamp}{body}"; the body a JSON array of events.
    private static FuzzTarget SendGrid()
    {
        static byte[] Batch(string id, string note, bool crlf) =>
            [(byte)'[', .. Json(("event", "delivered"), ("sg_event_id", id), ("note", note)), (byte)']', .. crlf ? "\r\n"u8.ToArray() : []];
        static byte[] Der(string secret, long t, byte[] body, DSASignatureFormat format = DSASignatureFormat.Rfc3279DerSequence) =>
            SendGridKeys.For(secret).SignData([.. Utf8(Ascii(t)), .. body], HashAlgorithmName.SHA256, format);
        static FuzzRequest Sign(string secret, long t, byte[] body) =>
            new(body, [(SendGridTimestamp, Ascii(t)), (SendGridSignature, Convert.ToBase64String(Der(secret, t, body)))]);

        return new FuzzTarget
        {
            Name = "sendgrid",
            Create = secret =>
            {
                var options = new SendGridWebhookOptions();
                options.PublicKeys.Add(Convert.ToBase64String(SendGridKeys.For(secret).ExportSubjectPublicKeyInfo()));
                return new SendGridWebhookProvider(options, Clock());
            },
            Signed = Gen.Select(Secret, Id, Text, Gen.Bool, Timestamp, (secret, id, note, crlf, t) => new FuzzCase(secret, Sign(secret, t, Batch(id, note, crlf)), id)),
            Changed = Gen.Select(Secret, Id, Text, Timestamp, Choice, (secret, id, note, t, choice) =>
            {
                var body = Batch(id, note, crlf: true);
                var signed = Sign(secret, t, body);
                return (choice % 5) switch
                {
                    0 => new FuzzCase(secret, signed with { Body = ChangeBody(body, choice / 5) }, Change: "body"),
                    1 => new FuzzCase(secret, signed.WithHeader(SendGridTimestamp, Ascii(Shift(t, choice / 5))), Change: "timestamp"),
                    2 => new FuzzCase(secret, signed.WithHeader(SendGridSignature, Convert.ToBase64String(Flip(Der(secret, t, body), choice / 5))), Change: "signature"),
                    3 => new FuzzCase(secret, Sign(Other(secret, choice / 5), t, body), Change: "secret"),
                    _ => new FuzzCase(secret, signed.WithHeader(SendGridSignature, Convert.ToBase64String(Der(secret, t, body, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))), Change: "scheme"),
                };
            }),
            Random = Gen.Select(Secret, Body, Headers(SendGridSignature, SendGridTimestamp), ContentType, (secret, body, headers, type) => new FuzzCase(secret, new FuzzRequest(body, headers, type))),
        };
    }

    /// <summary>One P-256 key per generated secret, made on first use (a nested class: ready whatever the order of the partial files).</summary>
    private static class SendGridKeys
    {
        private static readonly ConcurrentDictionary<string, ECDsa> Keys = new(StringComparer.Ordinal);

        public static ECDsa For(string secret) => Keys.GetOrAdd(secret, static _ => ECDsa.Create(ECCurve.NamedCurves.nistP256));
    }
}
