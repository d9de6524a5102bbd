using System.Globalization;
using System.IO.Hashing;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using WebhookKit.PayPal;

namespace WebhookKit.Benchmarks;

/// <summary>
/// PayPal's rows: an RSA-2048 SHA-256 verification with the certificate already kept (the receive path's usual case),
/// beside the raw primitive (.NET's <c>RSA.VerifyData</c> over the signed content built once in setup). The body only
/// adds its CRC-32; the certificate is fetched once, in setup, from an in-memory handler.
/// </summary>
public partial class SignatureBenchmarks
{
    private const string PayPalCertificateUrl = "https://api-m.sandbox.paypal.com/v1/notifications/certs/CERT-benchmark";

    private RSA _payPalSigningKey = null!;
    private RSA _payPalPublicKey = null!;
    private byte[] _payPalBody = [];
    private byte[] _payPalSignedContent = [];
    private byte[] _payPalSignatureBytes = [];
    private PayPalWebhookVerifier _payPalVerifier = null!;
    private HeaderDictionary _payPalHeaders = null!;

    /// <summary>The primitive: <c>RSA.VerifyData</c> (2048 bits, SHA-256, PKCS#1 v1.5) over the signed content, with the key imported once.</summary>
    [Benchmark]
    public bool RawRsaSha256Verify() =>
        _payPalPublicKey.VerifyData(_payPalSignedContent, _payPalSignatureBytes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <summary>
    /// WebhookKit's PayPal verification: headers, algorithm, tolerance, the kept certificate found by the URL's text (an
    /// allow-listed URL, so not parsed again), CRC-32 of the body, RSA verify.
    /// </summary>
    [Benchmark]
    public bool WebhookKitPayPal()
    {
        var pending = _payPalVerifier.VerifyAsync(_payPalHeaders, _payPalBody);
        return pending.IsCompletedSuccessfully && pending.Result.IsVerified;
    }

    private void SetupPayPal()
    {
        var now = DateTimeOffset.UtcNow;
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=Benchmark Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        _payPalSigningKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=messageverificationcerts.paypal.com", _payPalSigningKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var leaf = leafRequest.Create(root, now.AddHours(-1), now.AddDays(7), [1, 2, 3, 4]);
        _payPalPublicKey = leaf.GetRSAPublicKey()!;

        _payPalBody = Payloads.StripeEvent(BodyBytes);
        const string WebhookId = "1JE4291016473214C";
        var transmissionId = "69cd13f0-d67a-11e5-baa3-778b53f4ae55";
        var transmissionTime = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        _payPalSignedContent = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{transmissionId}|{transmissionTime}|{WebhookId}|{Crc32.HashToUInt32(_payPalBody)}"));
        _payPalSignatureBytes = _payPalSigningKey.SignData(_payPalSignedContent, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var options = new PayPalWebhookOptions { WebhookId = WebhookId, CertificateRevocationMode = X509RevocationMode.NoCheck };
        options.TrustedRootCertificates.Add(root.ExportCertificatePem());
        _payPalVerifier = new PayPalWebhookVerifier(options, new PemServer(leaf.ExportCertificatePem()));
        _payPalHeaders = new HeaderDictionary
        {
            ["PAYPAL-TRANSMISSION-ID"] = transmissionId,
            ["PAYPAL-TRANSMISSION-TIME"] = transmissionTime,
            ["PAYPAL-TRANSMISSION-SIG"] = Convert.ToBase64String(_payPalSignatureBytes),
            ["PAYPAL-CERT-URL"] = PayPalCertificateUrl,
            ["PAYPAL-AUTH-ALGO"] = "SHA256withRSA",
            ["Content-Type"] = "application/json",
        };

        // The first verification fetches and keeps the certificate; the measured ones find it.
        var first = _payPalVerifier.VerifyAsync(_payPalHeaders, _payPalBody).AsTask().GetAwaiter().GetResult();
        Check(first.IsVerified, "PayPal certificate fetch: " + first.Description);
        Check(RawRsaSha256Verify(), nameof(RawRsaSha256Verify));
        Check(WebhookKitPayPal(), nameof(WebhookKitPayPal));
    }

    private void CleanupPayPal()
    {
        _payPalSigningKey.Dispose();
        _payPalPublicKey.Dispose();
    }

    /// <summary>Serves one PEM at every URL, in memory.</summary>
    private sealed class PemServer(string pem) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(new Handler(pem));

        private sealed class Handler(string pem) : HttpMessageHandler
        {
            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
                Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem, Encoding.ASCII), RequestMessage = request });
        }
    }
}
