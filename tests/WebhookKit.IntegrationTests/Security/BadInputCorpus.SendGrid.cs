using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// SendGrid's rows of the corpus: <c>X-Twilio-Email-Event-Webhook-Signature</c> = base64 DER ECDSA P-256 (SHA-256) of
/// <c>X-Twilio-Email-Event-Webhook-Timestamp</c> + body, signed here with .NET's ECDsa, independently of the verifier.
/// Properties, not fields, so that the main file's tables can include them whatever the order of initialization.
/// </summary>
public static partial class BadInputCorpus
{
    /// <summary>The verification key the corpus host's SendGrid receiver is configured with.</summary>
    public static string SendGridPublicKey => SendGridKeys.PublicKey;

    private static InputCase[] SendGridRefused =>
    [
        new("sendgrid: signature header missing", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r1"), omit: SendGridSignatureHeader)),
        new("sendgrid: timestamp header missing", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r2"), omit: SendGridTimestampHeader)),
        new("sendgrid: signature header repeated, both valid", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r3"), repeatSignature: true)),
        new("sendgrid: timestamp not a number", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r4"), timestampText: "1e9")),
        new("sendgrid: timestamp ten minutes old, correctly signed", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r5"), timestamp: Now() - 600)),
        new("sendgrid: signature of another body", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r6"), signedBody: SendGridBatch("sg_other"))),
        new("sendgrid: signature of the body without its trailing CRLF", HttpStatusCode.Unauthorized, b => SendGrid([.. SendGridBatch("sg_r7"), .. "\r\n"u8], signedBody: SendGridBatch("sg_r7"))),
        new("sendgrid: signed with another key", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r8"), key: SendGridKeys.Other)),
        new("sendgrid: signature not base64", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r9"), transform: _ => "not/base64!")),
        new("sendgrid: signature of 4 KB of base64", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r10"), transform: _ => Convert.ToBase64String(new byte[3072]))),
        new("sendgrid: IEEE P1363 signature instead of DER", HttpStatusCode.Unauthorized, b => SendGrid(SendGridBatch("sg_r11"), format: DSASignatureFormat.IeeeP1363FixedFieldConcatenation)),
        new("sendgrid: signed, an object instead of an array", HttpStatusCode.BadRequest, b => SendGrid("""{"event":"open","sg_event_id":"sg_r12"}"""u8.ToArray())),
        new("sendgrid: signed, sg_event_id repeated in one event", HttpStatusCode.BadRequest, b => SendGrid("""[{"event":"open","sg_event_id":"sg_r13","sg_event_id":"sg_r13b"}]"""u8.ToArray())),
        new("sendgrid: signed, a number among the events", HttpStatusCode.BadRequest, b => SendGrid("""[{"event":"open","sg_event_id":"sg_r14"},7]"""u8.ToArray())),
        new("sendgrid: signed, invalid UTF-8", HttpStatusCode.BadRequest, b => SendGrid([.. "[{\"event\":\"open\",\"sg_event_id\":\"sg_"u8, 0xC3, 0x28, .. "\"}]"u8])),
    ];

    private static InputCase[] SendGridAccepted =>
    [
        new("sendgrid: body ending in CRLF, as SendGrid sends it", HttpStatusCode.OK, b => SendGrid([.. SendGridBatch("sg_acc_crlf"), .. "\r\n"u8]), "sg_acc_crlf"),
    ];

    private const string SendGridSignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    private const string SendGridTimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    private static byte[] SendGridBatch(string sgEventId) => Encoding.UTF8.GetBytes(
        $$"""[{"email":"a@example.com","timestamp":1600112492,"event":"delivered","sg_event_id":"{{sgEventId}}","sg_message_id":"m1","response":"250 OK"}]""");

    private static RawRequest SendGrid(
        byte[] body,
        byte[]? signedBody = null,
        long? timestamp = null,
        string? timestampText = null,
        ECDsa? key = null,
        DSASignatureFormat format = DSASignatureFormat.Rfc3279DerSequence,
        Func<string, string>? transform = null,
        bool repeatSignature = false,
        string? omit = null)
    {
        var t = timestampText ?? (timestamp ?? Now()).ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(t).Concat(signedBody ?? body).ToArray();
        var signature = Convert.ToBase64String((key ?? SendGridKeys.Key).SignData(signed, HashAlgorithmName.SHA256, format));
        signature = transform?.Invoke(signature) ?? signature;
        List<(string Name, string Value)> headers = [(SendGridTimestampHeader, t), (SendGridSignatureHeader, signature)];
        if (repeatSignature)
        {
            headers.Add((SendGridSignatureHeader, signature));
        }

        headers.RemoveAll(header => header.Name == omit);
        return Post("sendgrid", body, Json, [.. headers]);
    }

    /// <summary>The corpus's SendGrid keys, created on first use.</summary>
    private static class SendGridKeys
    {
        public static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        public static readonly ECDsa Other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        public static readonly string PublicKey = Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo());
    }
}
