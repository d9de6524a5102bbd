using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CsCheck;
using WebhookKit.PayPal;
using WebhookKit.Tests.Providers.PayPal;
using static WebhookKit.Tests.Fuzz.FuzzGen;

namespace WebhookKit.Tests.Fuzz;

/// <summary>
/// PayPal's fuzz target. The "secret" is the webhook id (what the receiver is configured with); the key is an RSA key
/// of the target's own, certified by a local CA valid at the fuzz clock's now, served in memory. <c>Read</c> never
/// waits for a fetch, so each provider is built with that certificate already fetched.
/// </summary>
internal static partial class FuzzTargets
{
    private const string PayPalId = "PAYPAL-TRANSMISSION-ID";
    private const string PayPalTime = "PAYPAL-TRANSMISSION-TIME";
    private const string PayPalSignature = "PAYPAL-TRANSMISSION-SIG";
    private const string PayPalCertUrl = "PAYPAL-CERT-URL";
    private const string PayPalAlgorithm = "PAYPAL-AUTH-ALGO";
    private const string PayPalKeptUrl = "https://api-m.paypal.com/v1/notifications/certs/CERT-fuzz";

    // PayPal: PAYPAL-TRANSMISSION-SIG = base64 RSA PKCS#1 v1.5 SHA-256 of "{id}|{time}|{webhook id}|{CRC-32 of the body}".
    private static FuzzTarget PayPal()
    {
        // Like PayPal's: 17 characters, upper-case letters and digits (long enough never to appear in a fixed reason).
        var webhookIds = Gen.String[Gen.OneOf(Gen.Char['A', 'Z'], Gen.Char['0', '9']), 16, 20];
        static string Time(long t) => DateTimeOffset.FromUnixTimeSeconds(t).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        static byte[] Rsa(string webhookId, string id, long t, byte[] body) =>
            PayPalKeys.Signing.SignData(Utf8(string.Create(CultureInfo.InvariantCulture, $"{id}|{Time(t)}|{webhookId}|{Crc32.HashToUInt32(body)}")), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        static byte[] Event(string id, string type, string note) => Json(("id", id), ("event_type", type), ("resource", new (string, object)[] { ("note", note) }));
        static FuzzRequest Send(string id, long t, byte[] signature, byte[] body, string url = PayPalKeptUrl, string algorithm = "SHA256withRSA") =>
            new(body, [(PayPalId, id), (PayPalTime, Time(t)), (PayPalCertUrl, url), (PayPalAlgorithm, algorithm), (PayPalSignature, Convert.ToBase64String(signature))]);
        static FuzzRequest Sign(string webhookId, string id, long t, byte[] body) => Send(id, t, Rsa(webhookId, id, t, body), body);
        string[] urlsOffTheList =
        [
            "https://api-m.paypal.com.evil.example/v1/notifications/certs/CERT-fuzz", "http://api-m.paypal.com/v1/notifications/certs/CERT-fuzz",
            "https://api-m.paypal.com:8443/v1/notifications/certs/CERT-fuzz", "https://user@api-m.paypal.com/v1/notifications/certs/CERT-fuzz",
        ];

        return new FuzzTarget
        {
            Name = "paypal",
            Create = webhookId => PayPalKeys.Provider(webhookId),
            Signed = Gen.Select(webhookIds, Id, Id, NonEmptyText, Text, Timestamp, (webhookId, transmission, id, type, note, t) =>
                new FuzzCase(webhookId, Sign(webhookId, transmission, t, Event(id, type, note)), id)),
            Changed = Gen.Select(webhookIds, Id, Id, Timestamp, Choice, (webhookId, transmission, id, t, choice) =>
            {
                var body = Event(id, "PAYMENT.CAPTURE.COMPLETED", "changed");
                var signature = Rsa(webhookId, transmission, t, body);
                var signed = Send(transmission, t, signature, body);
                return (choice % 7) switch
                {
                    0 => new FuzzCase(webhookId, signed with { Body = ChangeBody(body, choice / 7) }, Change: "body"),
                    1 => new FuzzCase(webhookId, signed.WithHeader(PayPalTime, Time(Shift(t, choice / 7))), Change: "transmission time"),
                    2 => new FuzzCase(webhookId, signed.WithHeader(PayPalId, transmission + "x"), Change: "transmission id"),
                    3 => new FuzzCase(webhookId, signed.WithHeader(PayPalSignature, Convert.ToBase64String(Flip(signature, choice / 7))), Change: "signature"),
                    4 => new FuzzCase(webhookId, Sign(Other(webhookId, choice / 7), transmission, t, body), Change: "webhook id"),
                    5 => new FuzzCase(webhookId, Send(transmission, t, signature, body, urlsOffTheList[choice / 7 % urlsOffTheList.Length]), Change: "certificate URL off the allow-list"),
                    _ => new FuzzCase(webhookId, Send(transmission, t, signature, body, algorithm: choice / 7 % 2 == 0 ? "SHA1withRSA" : "SHA256withECDSA"), Change: "algorithm"),
                };
            }),
            Random = Gen.OneOf(
                Gen.Select(webhookIds, Body, Headers(PayPalId, PayPalTime, PayPalSignature, PayPalCertUrl, PayPalAlgorithm), ContentType, (webhookId, body, headers, type) =>
                    new FuzzCase(webhookId, new FuzzRequest(body, headers, type))),

                // Well formed up to the RSA check (every header once, the time within tolerance, the kept URL): any signature bytes.
                Gen.Select(webhookIds, Id, Timestamp, Body, Gen.Byte.Array[0, 600], (webhookId, transmission, t, body, signature) =>
                    new FuzzCase(webhookId, Send(transmission, t, signature, body)))),
        };
    }

    /// <summary>The target's signing key and CA, made once (a nested class: ready whatever the order of the partial files).</summary>
    private static class PayPalKeys
    {
        private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(FuzzSettings.Now);
        private static readonly string RootPem;
        private static readonly CertificateServer Server;

        static PayPalKeys()
        {
            using var rootKey = RSA.Create(2048);
            var rootRequest = new CertificateRequest("CN=WebhookKit Fuzz PayPal Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            using var root = rootRequest.CreateSelfSigned(Now.AddDays(-1), Now.AddYears(1));
            Signing = RSA.Create(2048);
            var leafRequest = new CertificateRequest("CN=messageverificationcerts.paypal.com", Signing, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var leaf = leafRequest.Create(root, Now.AddHours(-1), Now.AddDays(30), [7, 7, 7, 7]);
            RootPem = root.ExportCertificatePem();
            Server = CertificateServer.Serving(leaf.ExportCertificatePem());
        }

        public static RSA Signing { get; }

        /// <summary>A PayPal provider for <paramref name="webhookId"/> whose certificate is already fetched, as on a warm receiver.</summary>
        public static PayPalWebhookProvider Provider(string webhookId)
        {
            var options = new PayPalWebhookOptions { WebhookId = webhookId, CertificateRevocationMode = X509RevocationMode.NoCheck };
            options.TrustedRootCertificates.Add(RootPem);
            var provider = new PayPalWebhookProvider(options, Server, Clock(), null, "paypal");
            var kept = provider.Verifier.Certificates.GetAsync(Allowed(PayPalKeptUrl), CancellationToken.None).GetAwaiter().GetResult();
            kept.Key.Should().NotBeNull(kept.Description);
            return provider;
        }

        private static PayPalCertificateUrl Allowed(string url) =>
            PayPalCertificateUrl.TryAllow(url, PayPalCertificateUrl.ParseHosts(PayPalWebhookOptions.DefaultCertificateHosts), out var allowed)
                ? allowed
                : throw new InvalidOperationException(url + " is not on PayPal's default allow-list");
    }
}
