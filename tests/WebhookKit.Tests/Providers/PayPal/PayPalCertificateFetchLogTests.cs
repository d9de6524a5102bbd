using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.PayPal;
using WebhookKit.Testing;
using WebhookKit.Verification;

namespace WebhookKit.Tests.Providers.PayPal;

/// <summary>
/// Event 74 (a certificate fetch failed) names the certificate's host as the allow-list holds it, so an operator can
/// tell which host is down, and nothing else of the URL: its path and query, and its spelling, are the sender's.
/// </summary>
public sealed class PayPalCertificateFetchLogTests : IDisposable
{
    private const string WebhookId = "9XL90610J3647323C";
    private static readonly byte[] Body = """{"id":"WH-1","event_type":"PAYMENT.CAPTURE.COMPLETED","resource":{}}"""u8.ToArray();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger _logger = new();
    private readonly PayPalSigner _signer;

    public PayPalCertificateFetchLogTests() => _signer = WebhookSigner.PayPal(WebhookId, PayPalSigner.DefaultCertificateUrl, _time);

    public void Dispose() => _signer.Dispose();

    [Theory]
    [InlineData("https://api.paypal.com/v1/notifications/certs/CERT-private-path?token=q-secret", null, "api.paypal.com")]
    [InlineData("https://API.PayPal.COM/v1/notifications/certs/CERT-private-path?token=q-secret", null, "api.paypal.com")]
    [InlineData("https://127.0.0.1:8443/certs/CERT-private-path?token=q-secret", "127.0.0.1:8443", "127.0.0.1:8443")]
    public async Task VerifyAsync_FetchFails_LogsEvent74WithTheAllowListsHostOnly(string url, string? allowedHost, string logged)
    {
        using var server = new CertificateServer(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)));

        var result = await Verifier(server, allowedHost).VerifyAsync(Headers(url), Body);

        result.Failure.Should().Be(WebhookVerificationFailure.CertificateUnavailable);
        var message = _logger.Collector.GetSnapshot().Should().ContainSingle(record => record.Id.Id == 74).Which.Message;
        message.Should().Contain("receiver paypal-live").And.Contain($"from {logged} failed").And.Contain("did not answer 2xx");
        message.Should().NotContain("CERT-private-path").And.NotContain("q-secret").And.NotContain("https:").And.NotContain("PayPal.COM");
    }

    [Fact]
    public async Task VerifyAsync_UrlNotAllowed_IsNeverFetchedNorLoggedAsAFetch()
    {
        using var server = new CertificateServer(_ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound)));

        var result = await Verifier(server, null).VerifyAsync(Headers("https://attacker.example/" + new string('a', 400)), Body);

        result.Failure.Should().Be(WebhookVerificationFailure.CertificateUrlNotAllowed);
        server.Requests.Should().Be(0);
        _logger.Collector.GetSnapshot().Should().NotContain(record => record.Id.Id == 74 || record.Message.Contains("attacker", StringComparison.Ordinal));
    }

    private PayPalWebhookVerifier Verifier(CertificateServer server, string? allowedHost)
    {
        var options = new PayPalWebhookOptions();
        _signer.ConfigureReceiver(options);
        if (allowedHost is not null)
        {
            options.AllowedCertificateHosts.Add(allowedHost);
        }

        return new PayPalWebhookVerifier(options, server, _time, _logger, "paypal-live");
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
