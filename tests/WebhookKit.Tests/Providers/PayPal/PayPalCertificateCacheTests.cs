using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.PayPal;
using WebhookKit.Testing;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.PayPal;

/// <summary>
/// The kept certificates are looked up by the header's exact text before anything is parsed: that lookup must cost no
/// more than the RSA verification, and must never let a URL off the allow-list through, however many others are kept.
/// The test server serves a valid certificate at every URL, so a URL that got fetched would verify.
/// </summary>
public sealed class PayPalCertificateCacheTests : IDisposable
{
    private const string WebhookId = "9XL90610J3647323C";
    private const string KeptUrl = "https://api.paypal.com/v1/notifications/certs/CERT-0";
    private static readonly byte[] Body = """{"id":"WH-1","event_type":"PAYMENT.CAPTURE.COMPLETED","resource":{}}"""u8.ToArray();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly PayPalSigner _signer;

    public PayPalCertificateCacheTests() => _signer = WebhookSigner.PayPal(WebhookId, PayPalSigner.DefaultCertificateUrl, _time);

    public void Dispose() => _signer.Dispose();

    [Theory]
    [InlineData("https://evil.example.com/v1/notifications/certs/CERT-0")]
    [InlineData("http://api.paypal.com/v1/notifications/certs/CERT-0")]
    [InlineData("https://api.paypal.com:8443/v1/notifications/certs/CERT-0")]
    [InlineData("https://user@api.paypal.com/v1/notifications/certs/CERT-0")]
    [InlineData("https://api.paypal.com.evil.example/v1/notifications/certs/CERT-0")]
    public async Task VerifyAsync_UrlNotAllowedAfterOthersWereKept_IsRefusedWithoutAFetch(string url)
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var verifier = Verifier(server);
        (await verifier.VerifyAsync(Headers(KeptUrl), Body)).IsVerified.Should().BeTrue();
        (await verifier.VerifyAsync(Headers("https://api-m.paypal.com/v1/notifications/certs/CERT-1"), Body)).IsVerified.Should().BeTrue();

        var result = await verifier.VerifyAsync(Headers(url), Body);

        result.Failure.Should().Be(WebhookVerificationFailure.CertificateUrlNotAllowed);
        server.Requests.Should().Be(2, "only the two allowed URLs were fetched");
        verifier.Certificates.CachedCount.Should().Be(2);
    }

    [Fact]
    public async Task VerifyAsync_KeptUrlSpelledOtherwise_IsJudgedByTheAllowListAndFetchedOnItsOwn()
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var verifier = Verifier(server);
        (await verifier.VerifyAsync(Headers(KeptUrl), Body)).IsVerified.Should().BeTrue();

        var result = await verifier.VerifyAsync(Headers("https://API.paypal.com/v1/notifications/certs/CERT-0"), Body);

        result.IsVerified.Should().BeTrue(result.Description);
        server.Requests.Should().Be(2, "a hit needs the same text; any other text is parsed and allow-listed first");
    }

    [Fact]
    public async Task VerifyAsync_KeptCertificate_AllocatesNoMoreThanTheRsaVerificationItself()
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var verifier = Verifier(server);
        var headers = Headers(KeptUrl);
        (await verifier.VerifyAsync(headers, Body)).IsVerified.Should().BeTrue();
        using var certificate = X509Certificate2.CreateFromPem(_signer.CertificatePem);
        using var key = certificate.GetRSAPublicKey()!;
        var signed = Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture,
            $"{headers[PayPalSigner.TransmissionIdHeader]}|{headers[PayPalSigner.TransmissionTimeHeader]}|{WebhookId}|{Crc32.HashToUInt32(Body)}"));
        var signature = Convert.FromBase64String(headers[PayPalSigner.SignatureHeader].ToString());

        var raw = AllocatedPerCall(() => key.VerifyData(signed, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var kept = AllocatedPerCall(() =>
        {
            var pending = verifier.VerifyAsync(headers, Body);
            return pending.IsCompletedSuccessfully && pending.Result.IsVerified;
        });

        kept.Should().BeLessThanOrEqualTo(raw, "with the certificate kept, nothing is parsed (the URL was allow-listed when it was fetched)");
    }

    private static long AllocatedPerCall(Func<bool> call)
    {
        const int Calls = 200;
        for (var i = 0; i < 50; i++)
        {
            call().Should().BeTrue();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            call();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    private PayPalWebhookVerifier Verifier(CertificateServer server)
    {
        var options = new PayPalWebhookOptions();
        _signer.ConfigureReceiver(options);
        return new PayPalWebhookVerifier(options, server, _time);
    }

    private HeaderDictionary Headers(string certificateUrl)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in _signer.Sign(Body))
        {
            headers[name] = value;
        }

        headers[PayPalSigner.CertificateUrlHeader] = certificateUrl;
        return headers;
    }
}
