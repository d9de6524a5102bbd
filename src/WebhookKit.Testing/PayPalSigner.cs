using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using WebhookKit.PayPal;

namespace WebhookKit.Testing;

/// <summary>
/// Signs bodies as PayPal does, with a certificate of its own: a locally made root CA and a signing certificate issued
/// by it to <c>messageverificationcerts.paypal.com</c>. <c>PAYPAL-TRANSMISSION-SIG</c> is the base64 RSA PKCS#1 v1.5
/// signature, with SHA-256, of <c>{transmission id}|{transmission time}|{webhook id}|{CRC-32 of the body}</c>. Configure
/// the receiver with <see cref="ConfigureReceiver"/> and serve the certificate with
/// <c>services.AddPayPalTestCertificates(signer)</c>. Dispose it when done.
/// </summary>
public sealed class PayPalSigner : IDisposable
{
    /// <summary>The header that carries the transmission id.</summary>
    public const string TransmissionIdHeader = "PAYPAL-TRANSMISSION-ID";

    /// <summary>The header that carries the transmission time.</summary>
    public const string TransmissionTimeHeader = "PAYPAL-TRANSMISSION-TIME";

    /// <summary>The header that carries the signature.</summary>
    public const string SignatureHeader = "PAYPAL-TRANSMISSION-SIG";

    /// <summary>The header that names the certificate.</summary>
    public const string CertificateUrlHeader = "PAYPAL-CERT-URL";

    /// <summary>The header that names the algorithm.</summary>
    public const string AlgorithmHeader = "PAYPAL-AUTH-ALGO";

    /// <summary>The default <see cref="CertificateUrl"/>: on PayPal's sandbox API host, so on the receiver's default allow-list.</summary>
    public const string DefaultCertificateUrl = "https://api-m.sandbox.paypal.com/v1/notifications/certs/CERT-webhookkit-testing";

    private readonly RSA _key;
    private readonly TimeProvider _timeProvider;

    internal PayPalSigner(string webhookId, string certificateUrl, TimeProvider timeProvider, string subjectName = "messageverificationcerts.paypal.com")
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        ArgumentException.ThrowIfNullOrEmpty(certificateUrl);
        WebhookId = webhookId;
        CertificateUrl = certificateUrl;
        _timeProvider = timeProvider;
        var now = timeProvider.GetUtcNow();
        using var rootKey = RSA.Create(2048);
        var rootRequest = new CertificateRequest("CN=WebhookKit Testing PayPal Root", rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        _key = RSA.Create(2048);
        var leafRequest = new CertificateRequest($"CN={subjectName}, O=WebhookKit Testing", _key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var leaf = leafRequest.Create(root, now.AddHours(-1), now.AddDays(30), RandomNumberGenerator.GetBytes(12));
        TrustedRootPem = root.ExportCertificatePem();
        CertificatePem = leaf.ExportCertificatePem();
    }

    /// <summary>Gets the webhook id the signatures carry; configure the receiver's <c>WebhookId</c> with it.</summary>
    public string WebhookId { get; }

    /// <summary>Gets the URL sent in <c>PAYPAL-CERT-URL</c>.</summary>
    public string CertificateUrl { get; }

    /// <summary>Gets the root CA's certificate (PEM); the receiver trusts it through <c>TrustedRootCertificates</c>.</summary>
    public string TrustedRootPem { get; }

    /// <summary>Gets the signing certificate (PEM), as <see cref="CertificateUrl"/> serves it.</summary>
    public string CertificatePem { get; }

    /// <summary>Configures a PayPal receiver for this signer: its webhook id, its root CA as the only trusted root, and no revocation check (a local CA publishes none).</summary>
    /// <param name="options">The receiver's options.</param>
    public void ConfigureReceiver(PayPalWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.WebhookId = WebhookId;
        options.TrustedRootCertificates.Add(TrustedRootPem);
        options.CertificateRevocationMode = X509RevocationMode.NoCheck;
    }

    /// <summary>Computes the headers of a delivery of <paramref name="body"/>, sent now under a fresh transmission id.</summary>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The five <c>PAYPAL-*</c> headers and their values.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> Sign(ReadOnlySpan<byte> body)
    {
        var transmissionId = Guid.NewGuid().ToString();
        var transmissionTime = _timeProvider.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return
        [
            new(TransmissionIdHeader, transmissionId),
            new(TransmissionTimeHeader, transmissionTime),
            new(CertificateUrlHeader, CertificateUrl),
            new(AlgorithmHeader, "SHA256withRSA"),
            new(SignatureHeader, Sign(transmissionId, transmissionTime, body)),
        ];
    }

    /// <summary>Computes the <c>PAYPAL-TRANSMISSION-SIG</c> of a body for a given transmission id and time (to test tolerance).</summary>
    /// <param name="transmissionId">The <c>PAYPAL-TRANSMISSION-ID</c> value, as sent.</param>
    /// <param name="transmissionTime">The <c>PAYPAL-TRANSMISSION-TIME</c> value, as sent.</param>
    /// <param name="body">The exact bytes that will be sent.</param>
    /// <returns>The signature, base64.</returns>
    public string Sign(string transmissionId, string transmissionTime, ReadOnlySpan<byte> body)
    {
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{transmissionId}|{transmissionTime}|{WebhookId}|{System.IO.Hashing.Crc32.HashToUInt32(body)}"));
        return Convert.ToBase64String(_key.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>A handler that answers <see cref="CertificateUrl"/> with <see cref="CertificatePem"/> and anything else with 404, as the receiver's certificate client's primary handler.</summary>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateCertificateHandler() => new CertificateHandler(CertificateUrl, CertificatePem);

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();

    private sealed class CertificateHandler(string url, string pem) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(request.RequestUri?.OriginalString == url
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(pem, Encoding.ASCII, "application/x-pem-file"), RequestMessage = request }
                : new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = request });
    }
}
