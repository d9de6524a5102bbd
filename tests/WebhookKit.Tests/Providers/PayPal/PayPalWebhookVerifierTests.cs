using System.Globalization;
using System.IO.Hashing;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.PayPal;
using WebhookKit.Testing;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.PayPal;

/// <summary>
/// The public PayPal verifier, outside any endpoint: PayPal SDK's CRC-32 known answer, a delivery signed by a local CA,
/// and every refusal, with the certificate URL's allow-list checked before anything is fetched.
/// </summary>
public sealed class PayPalWebhookVerifierTests : IDisposable
{
    private const string WebhookId = "9XL90610J3647323C";
    private static readonly byte[] Body = """{"id":"WH-1","event_type":"PAYMENT.CAPTURE.COMPLETED","resource":{}}"""u8.ToArray();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly PayPalSigner _signer;

    public PayPalWebhookVerifierTests() => _signer = WebhookSigner.PayPal(WebhookId, PayPalSigner.DefaultCertificateUrl, _time);

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void Crc32_PayPalSdkKnownAnswer()
    {
        // paypal/PayPal-NET-SDK Source/Tests/Crc32Test.cs: the CRC PayPal signs, as an unsigned decimal.
        Crc32.HashToUInt32("test_string"u8).Should().Be(0x0967b587u);
        Crc32.HashToUInt32("test_string"u8).ToString(CultureInfo.InvariantCulture).Should().Be("157791623");
    }

    [Fact]
    public async Task VerifyAsync_SignedByTrustedCertificate_IsVerifiedAndFetchesOnce()
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var verifier = Verifier(server);

        var first = await verifier.VerifyAsync(Headers(_signer.Sign(Body)), Body);
        var again = verifier.VerifyAsync(Headers(_signer.Sign(Body)), Body);
        var completedAtOnce = again.IsCompletedSuccessfully;

        first.IsVerified.Should().BeTrue(first.Description);
        completedAtOnce.Should().BeTrue("a kept certificate needs no await");
        (await again).IsVerified.Should().BeTrue();
        server.Requests.Should().Be(1);
    }

    [Theory]
    [InlineData("https://evil.example.com/v1/notifications/certs/CERT-1")]
    [InlineData("http://api.paypal.com/v1/notifications/certs/CERT-1")]
    [InlineData("https://api.paypal.com.evil.example/v1/notifications/certs/CERT-1")]
    [InlineData("https://api.paypal.com:8443/v1/notifications/certs/CERT-1")]
    [InlineData("https://user@api.paypal.com/v1/notifications/certs/CERT-1")]
    [InlineData("/v1/notifications/certs/CERT-1")]
    [InlineData("file:///etc/passwd")]
    public async Task VerifyAsync_CertificateUrlNotAllowed_IsRefusedWithoutFetching(string url)
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var headers = Headers(_signer.Sign(Body));
        headers[PayPalSigner.CertificateUrlHeader] = url;

        var result = await Verifier(server).VerifyAsync(headers, Body);

        result.Failure.Should().Be(WebhookVerificationFailure.CertificateUrlNotAllowed);
        server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task VerifyAsync_ExpiredCertificate_IsNotTrusted()
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var verifier = Verifier(server);
        _time.Advance(TimeSpan.FromDays(31));

        var result = await verifier.VerifyAsync(Headers(_signer.Sign(Body)), Body);

        result.Failure.Should().Be(WebhookVerificationFailure.CertificateNotTrusted);
    }

    [Fact]
    public async Task VerifyAsync_CertificateOfAnotherCa_IsNotTrusted()
    {
        using var other = WebhookSigner.PayPal(WebhookId, PayPalSigner.DefaultCertificateUrl, _time);
        using var server = CertificateServer.Serving(other.CertificatePem);

        var result = await Verifier(server).VerifyAsync(Headers(other.Sign(Body)), Body);

        result.Failure.Should().Be(WebhookVerificationFailure.CertificateNotTrusted);
        result.Description.Should().Contain("chain");
    }

    [Fact]
    public async Task VerifyAsync_CertificateForAnotherName_IsNotTrusted()
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var verifier = Verifier(server, o => o.CertificateSubjectNames.Add("messageverificationcerts.example.com"));

        var result = await verifier.VerifyAsync(Headers(_signer.Sign(Body)), Body);

        result.Failure.Should().Be(WebhookVerificationFailure.CertificateNotTrusted);
    }

    [Fact]
    public async Task VerifyAsync_WrongWebhookIdOrBody_IsAMismatch()
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var other = Verifier(server, o => o.WebhookId = "ANOTHERWEBHOOK1");
        var headers = Headers(_signer.Sign(Body));

        (await other.VerifyAsync(headers, Body)).Failure.Should().Be(WebhookVerificationFailure.SignatureMismatch);
        (await Verifier(server).VerifyAsync(headers, (byte[])[.. Body, (byte)' '])).Failure.Should().Be(WebhookVerificationFailure.SignatureMismatch);
    }

    [Theory]
    [InlineData(PayPalSigner.SignatureHeader, null, WebhookVerificationFailure.SignatureMissing)]
    [InlineData(PayPalSigner.CertificateUrlHeader, null, WebhookVerificationFailure.SignatureMissing)]
    [InlineData(PayPalSigner.AlgorithmHeader, "SHA1withRSA", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData(PayPalSigner.SignatureHeader, "not base64!", WebhookVerificationFailure.SignatureMalformed)]
    [InlineData(PayPalSigner.TransmissionIdHeader, null, WebhookVerificationFailure.IdMissing)]
    [InlineData(PayPalSigner.TransmissionIdHeader, "a|b", WebhookVerificationFailure.IdMalformed)]
    [InlineData(PayPalSigner.TransmissionTimeHeader, null, WebhookVerificationFailure.TimestampMissing)]
    [InlineData(PayPalSigner.TransmissionTimeHeader, "1772366400", WebhookVerificationFailure.TimestampMalformed)]
    [InlineData(PayPalSigner.TransmissionTimeHeader, "2026-03-01T11:50:00Z", WebhookVerificationFailure.TimestampOutsideTolerance)]
    public async Task VerifyAsync_MissingMalformedOrStale_IsRefusedBeforeAnyFetch(string header, string? value, WebhookVerificationFailure failure)
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var headers = Headers(_signer.Sign(Body));
        if (value is null)
        {
            headers.Remove(header);
        }
        else
        {
            headers[header] = value;
        }

        var result = await Verifier(server).VerifyAsync(headers, Body);

        result.Failure.Should().Be(failure);
        server.Requests.Should().Be(0);
    }

    [Fact]
    public async Task VerifyAsync_ConcurrentRequestsForOneUrl_ShareOneFetch()
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem, TimeSpan.FromMilliseconds(200));
        var verifier = Verifier(server);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => verifier.VerifyAsync(Headers(_signer.Sign(Body)), Body).AsTask()));

        results.Should().OnlyContain(result => result.IsVerified);
        server.Requests.Should().Be(1);
    }

    [Fact]
    public async Task VerifyAsync_ManyUrlsAtOnce_BeyondTheFetchBoundAreUnavailable()
    {
        var gate = new TaskCompletionSource();
        using var server = new CertificateServer(async _ =>
        {
            await gate.Task;
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        });
        var verifier = Verifier(server);

        var pending = Enumerable.Range(0, 10).Select(i =>
        {
            var headers = Headers(_signer.Sign(Body));
            headers[PayPalSigner.CertificateUrlHeader] = $"https://api.paypal.com/v1/notifications/certs/CERT-{i}";
            return verifier.VerifyAsync(headers, Body).AsTask();
        }).ToList();
        await Task.Delay(100);
        gate.SetResult();
        var results = await Task.WhenAll(pending);

        results.Should().OnlyContain(result => result.Failure == WebhookVerificationFailure.CertificateUnavailable);
        server.Requests.Should().Be(PayPalCertificateStore.MaxFetches);
        verifier.Certificates.CachedCount.Should().Be(0, "failures are not kept");
    }

    [Fact]
    public async Task VerifyAsync_ServerErrorOrOversizedResponse_IsUnavailable()
    {
        using var failing = new CertificateServer(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.InternalServerError)));
        using var huge = CertificateServer.Serving(new string('A', PayPalCertificateStore.MaxResponseBytes + 10));

        (await Verifier(failing).VerifyAsync(Headers(_signer.Sign(Body)), Body)).Failure.Should().Be(WebhookVerificationFailure.CertificateUnavailable);
        (await Verifier(huge).VerifyAsync(Headers(_signer.Sign(Body)), Body)).Failure.Should().Be(WebhookVerificationFailure.CertificateUnavailable);
    }

    [Fact]
    public async Task VerifyAsync_ManyGoodUrls_KeepsAtMostTheBound()
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var verifier = Verifier(server);

        for (var i = 0; i < PayPalCertificateStore.MaxCached + 5; i++)
        {
            var headers = Headers(_signer.Sign(Body));
            headers[PayPalSigner.CertificateUrlHeader] = $"https://api.paypal.com/v1/notifications/certs/CERT-{i}";
            (await verifier.VerifyAsync(headers, Body)).IsVerified.Should().BeTrue();
        }

        verifier.Certificates.CachedCount.Should().Be(PayPalCertificateStore.MaxCached);
    }

    private PayPalWebhookVerifier Verifier(CertificateServer server, Action<PayPalWebhookOptions>? configure = null)
    {
        var options = new PayPalWebhookOptions();
        _signer.ConfigureReceiver(options);
        configure?.Invoke(options);
        return new PayPalWebhookVerifier(options, server, _time);
    }

    private static HeaderDictionary Headers(IEnumerable<KeyValuePair<string, string>> signed)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in signed)
        {
            headers[name] = value;
        }

        return headers;
    }
}
