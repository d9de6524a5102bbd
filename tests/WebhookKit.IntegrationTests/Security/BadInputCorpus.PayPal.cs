using System.Globalization;
using System.Net;
using System.Text;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// PayPal's rows of the corpus: <c>PAYPAL-TRANSMISSION-SIG</c> = base64 RSA (SHA-256) of
/// <c>{id}|{time}|{webhook id}|{CRC-32 of the body}</c>, signed by the <c>WebhookKit.Testing</c> signer's local CA, whose
/// certificate the corpus host's receiver fetches in memory. A URL off the allow-list is refused before any fetch.
/// </summary>
public static partial class BadInputCorpus
{
    /// <summary>The signer the corpus host's PayPal receiver is configured for.</summary>
    public static PayPalSigner PayPalSigner => PayPalKeys.Signer;

    private static InputCase[] PayPalRefused =>
    [
        new("paypal: signature header missing", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r1"), omit: PayPalSigner.SignatureHeader)),
        new("paypal: certificate URL missing", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r2"), omit: PayPalSigner.CertificateUrlHeader)),
        new("paypal: algorithm SHA1withRSA", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r3"), algorithm: "SHA1withRSA")),
        new("paypal: certificate URL on another host", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r4"), certificateUrl: "https://evil.example.com/v1/notifications/certs/CERT-1")),
        new("paypal: certificate URL over plain HTTP", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r5"), certificateUrl: "http://api-m.sandbox.paypal.com/v1/notifications/certs/CERT-webhookkit-testing")),
        new("paypal: certificate URL to a link-local address", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r6"), certificateUrl: "https://169.254.169.254/latest/meta-data")),
        new("paypal: signature of another body", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r7"), signedBody: PayPalEvent("WH-other"))),
        new("paypal: transmission time ten minutes old, correctly signed", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r8"), time: DateTimeOffset.UtcNow.AddMinutes(-10))),
        new("paypal: transmission time as Unix seconds", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r9"), timeText: Now().ToString(CultureInfo.InvariantCulture))),
        new("paypal: transmission id with the separator", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r10"), transmissionId: "a|b")),
        new("paypal: signature of 4 KB of base64", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r11"), transform: _ => Convert.ToBase64String(new byte[3072]))),
        new("paypal: signature header repeated", HttpStatusCode.Unauthorized, b => PayPal(PayPalEvent("WH-r12"), repeatSignature: true)),
        new("paypal: signed, an array instead of an object", HttpStatusCode.BadRequest, b => PayPal("""[{"id":"WH-r13","event_type":"X"}]"""u8.ToArray())),
        new("paypal: signed, id repeated", HttpStatusCode.BadRequest, b => PayPal("""{"id":"WH-r14","id":"WH-r14b","event_type":"PAYMENT.CAPTURE.COMPLETED"}"""u8.ToArray())),
        new("paypal: signed, invalid UTF-8", HttpStatusCode.BadRequest, b => PayPal([.. "{\"id\":\"WH-"u8, 0xC3, 0x28, .. "\",\"event_type\":\"X\"}"u8])),
        new("paypal: certificate URL allowed but not found", HttpStatusCode.ServiceUnavailable, b => PayPal(PayPalEvent("WH-r16"), certificateUrl: "https://api-m.sandbox.paypal.com/v1/notifications/certs/CERT-absent")),
    ];

    private static InputCase[] PayPalAccepted =>
    [
        new("paypal: signed event, certificate fetched once", HttpStatusCode.OK, b => PayPal(PayPalEvent("WH-acc-1")), "WH-acc-1"),
    ];

    private static byte[] PayPalEvent(string id) => Encoding.UTF8.GetBytes(
        $$"""{"id":"{{id}}","create_time":"2026-03-01T12:00:00Z","resource_type":"capture","event_type":"PAYMENT.CAPTURE.COMPLETED","resource":{"id":"42311647XV020574X"} }""");

    private static RawRequest PayPal(
        byte[] body,
        byte[]? signedBody = null,
        DateTimeOffset? time = null,
        string? timeText = null,
        string transmissionId = "d938e770-8046-11e6-8103-6b62a8a99ac4",
        string algorithm = "SHA256withRSA",
        string certificateUrl = PayPalSigner.DefaultCertificateUrl,
        Func<string, string>? transform = null,
        bool repeatSignature = false,
        string? omit = null)
    {
        var t = timeText ?? (time ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var signature = PayPalKeys.Signer.Sign(transmissionId, t, signedBody ?? body);
        signature = transform?.Invoke(signature) ?? signature;
        List<(string Name, string Value)> headers =
        [
            (PayPalSigner.TransmissionIdHeader, transmissionId), (PayPalSigner.TransmissionTimeHeader, t),
            (PayPalSigner.CertificateUrlHeader, certificateUrl), (PayPalSigner.AlgorithmHeader, algorithm), (PayPalSigner.SignatureHeader, signature),
        ];
        if (repeatSignature)
        {
            headers.Add((PayPalSigner.SignatureHeader, signature));
        }

        headers.RemoveAll(header => header.Name == omit);
        return Post("paypal", body, Json, [.. headers]);
    }

    /// <summary>The corpus's PayPal signer (a local CA and certificate), created on first use.</summary>
    private static class PayPalKeys
    {
        public static readonly PayPalSigner Signer = WebhookSigner.PayPal("CORPUSWEBHOOK1");
    }
}
