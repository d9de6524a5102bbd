using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.PayPal;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// PayPal end to end on real Kestrel, with the certificate fetched over HTTPS from a second Kestrel on 127.0.0.1 that
/// the test allow-lists, serving certificates of a locally made CA: a delivery and its redelivery (one fetch), a host
/// not on the list (never fetched), a certificate of another CA (401), and a fetch that fails (503).
/// </summary>
public sealed class PayPalTests : IAsyncLifetime
{
    private const string WebhookId = "1JE4291016473214C";
    private const string Event = """{"id":"WH-2WR32451HC0233532-67976317FL4543714","event_version":"1.0","create_time":"2026-03-01T12:00:00Z","resource_type":"capture","event_type":"PAYMENT.CAPTURE.COMPLETED","summary":"Payment completed for $ 10.0 USD","resource":{"id":"42311647XV020574X","status":"COMPLETED"}}""";

    private readonly ConcurrentDictionary<string, string> _served = new();
    private readonly ConcurrentDictionary<string, int> _requests = new();
    private X509Certificate2 _tls = null!;
    private WebApplication _certificateHost = null!;
    private string _authority = null!;

    public async Task InitializeAsync()
    {
        _tls = CreateTlsCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_tls)));
        _certificateHost = builder.Build();
        _certificateHost.MapGet("/certs/{name}", (string name) =>
        {
            _requests.AddOrUpdate(name, 1, static (_, count) => count + 1);
            return _served.TryGetValue(name, out var pem) ? Results.Text(pem, "application/x-pem-file") : Results.NotFound();
        });
        await _certificateHost.StartAsync();
        var address = new Uri(_certificateHost.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _authority = $"127.0.0.1:{address.Port}";
    }

    public async Task DisposeAsync()
    {
        await _certificateHost.DisposeAsync();
        _tls.Dispose();
    }

    [Fact]
    public async Task Post_SignedDeliveryAndRedelivery_HandledOnceWithOneCertificateFetch()
    {
        // Arrange
        using var signer = Signer("good");
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, signer);

        // Act: PayPal's retry is a new transmission (id, time, signature) of the same event.
        using var first = await host.Client.PostPayPalWebhookAsync(Event, signer);
        await probe.WaitForCallsAsync(1);
        await host.WaitForQueueDrainAsync();
        using var again = await host.Client.PostPayPalWebhookAsync(Event, signer);
        await host.WaitForQueueDrainAsync();

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventId.Should().Be("WH-2WR32451HC0233532-67976317FL4543714");
        call.EventType.Should().Be("PAYMENT.CAPTURE.COMPLETED");
        call.Payload.Should().BeOfType<PayPalEvent>().Which.Resource.GetProperty("status").GetString().Should().Be("COMPLETED");
        _requests["good"].Should().Be(1);
    }

    [Fact]
    public async Task Post_CertificateOnAHostNotAllowed_Is401WithoutAFetch()
    {
        // Arrange: the same server, named by another host than the allow-listed 127.0.0.1.
        using var signer = WebhookSigner.PayPal(WebhookId, $"https://localhost:{_authority.Split(':')[1]}/certs/elsewhere", TimeProvider.System);
        _served["elsewhere"] = signer.CertificatePem;
        await using var host = await StartAsync(new HandlerProbe(), signer);

        // Act
        using var response = await host.Client.PostPayPalWebhookAsync(Event, signer);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _requests.ContainsKey("elsewhere").Should().BeFalse();
        host.Logs.GetSnapshot().Should().Contain(log => log.Message.Contains("certificate_url_not_allowed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_CertificateOfAnotherCa_Is401()
    {
        // Arrange: the receiver trusts one CA; the delivery is signed by a certificate of another.
        using var trusted = Signer("trusted");
        using var other = Signer("other");
        await using var host = await StartAsync(new HandlerProbe(), trusted);

        // Act
        using var response = await host.Client.PostPayPalWebhookAsync(Event, other);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        host.Logs.GetSnapshot().Should().Contain(log => log.Message.Contains("certificate_not_trusted", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_CertificateFetchFails_Is503WithRetryAfterAndNothingQueued()
    {
        // Arrange
        using var signer = Signer("missing");
        _served.TryRemove("missing", out _);
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, signer);

        // Act
        using var response = await host.Client.PostPayPalWebhookAsync(Event, signer);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.Should().NotBeNull();
        probe.Calls.Should().BeEmpty();
    }

    private PayPalSigner Signer(string name)
    {
        var signer = WebhookSigner.PayPal(WebhookId, $"https://{_authority}/certs/{name}", TimeProvider.System);
        _served[name] = signer.CertificatePem;
        return signer;
    }

    private Task<WebhookTestHost> StartAsync(HandlerProbe probe, PayPalSigner trusted) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddPayPal(o =>
            {
                trusted.ConfigureReceiver(o);
                o.AllowedCertificateHosts.Add(_authority);
            }).AddHandler<RecordingHandler<PayPalEvent>>(),
            services =>
            {
                services.AddSingleton(probe);

                // The certificate host's TLS certificate is the test's own: trusted by thumbprint, by this client only.
                var thumbprint = _tls.Thumbprint;
                services.AddHttpClient(PayPalWebhooksBuilderExtensions.CertificateHttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
                {
                    AllowAutoRedirect = false,
                    SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is X509Certificate2 presented && presented.Thumbprint == thumbprint },
                });
            });

    private static X509Certificate2 CreateTlsCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
