using System.Globalization;
using System.IO.Hashing;
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
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.PayPal;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Testing;

/// <summary>
/// The PayPal signer: its keys are made per signer, so there is no known answer to reproduce; instead its signatures
/// verify under .NET's RSA with the certificate it serves (PKCS#1 v1.5, SHA-256, over PayPal's signed string), its
/// certificate is what the receiver expects, and the helper, the signer and the in-memory certificate reach a handler
/// over real Kestrel.
/// </summary>
public sealed class PayPalSignerTests : IDisposable
{
    private const string WebhookId = "1JE4291016473214C";
    private static readonly byte[] Body = """{"id":"WH-1","event_type":"PAYMENT.CAPTURE.COMPLETED","resource":{}}"""u8.ToArray();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly PayPalSigner _signer;

    public PayPalSignerTests() => _signer = WebhookSigner.PayPal(WebhookId, PayPalSigner.DefaultCertificateUrl, _time);

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void Sign_VerifiesWithTheServedCertificateOverPayPalsSignedString()
    {
        using var certificate = X509Certificate2.CreateFromPem(_signer.CertificatePem);
        using var key = certificate.GetRSAPublicKey()!;
        var signed = Encoding.UTF8.GetBytes($"69cd13f0-d67a-11e5-baa3-778b53f4ae55|2026-03-01T12:00:00Z|{WebhookId}|{Crc32.HashToUInt32(Body).ToString(CultureInfo.InvariantCulture)}");

        var signature = _signer.Sign("69cd13f0-d67a-11e5-baa3-778b53f4ae55", "2026-03-01T12:00:00Z", Body);

        key.VerifyData(signed, Convert.FromBase64String(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).Should().BeTrue();
        _signer.Sign("69cd13f0-d67a-11e5-baa3-778b53f4ae55", "2026-03-01T12:00:00Z", Body).Should().Be(signature, "PKCS#1 v1.5 signatures are deterministic");
    }

    [Fact]
    public void Sign_Body_GivesTheFiveHeadersUnderAFreshTransmissionAtTheClocksTime()
    {
        var first = _signer.Sign(Body).ToDictionary(header => header.Key, header => header.Value);
        var second = _signer.Sign(Body).ToDictionary(header => header.Key, header => header.Value);

        first.Keys.Should().BeEquivalentTo(
            [PayPalSigner.TransmissionIdHeader, PayPalSigner.TransmissionTimeHeader, PayPalSigner.SignatureHeader, PayPalSigner.CertificateUrlHeader, PayPalSigner.AlgorithmHeader]);
        first[PayPalSigner.TransmissionTimeHeader].Should().Be("2026-03-01T12:00:00Z");
        first[PayPalSigner.CertificateUrlHeader].Should().Be(PayPalSigner.DefaultCertificateUrl);
        first[PayPalSigner.AlgorithmHeader].Should().Be("SHA256withRSA");
        first[PayPalSigner.SignatureHeader].Should().Be(_signer.Sign(first[PayPalSigner.TransmissionIdHeader], first[PayPalSigner.TransmissionTimeHeader], Body));
        Guid.TryParse(first[PayPalSigner.TransmissionIdHeader], out _).Should().BeTrue();
        second[PayPalSigner.TransmissionIdHeader].Should().NotBe(first[PayPalSigner.TransmissionIdHeader], "each PayPal transmission, retries included, has its own id");
    }

    [Fact]
    public void Certificate_IsIssuedByTheRootToPayPalsNameForThirtyDays()
    {
        using var leaf = X509Certificate2.CreateFromPem(_signer.CertificatePem);
        using var root = X509Certificate2.CreateFromPem(_signer.TrustedRootPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;

        chain.Build(leaf).Should().BeTrue(string.Join(", ", chain.ChainStatus.Select(status => status.StatusInformation)));
        leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: false).Should().Be("messageverificationcerts.paypal.com");
        leaf.NotBefore.ToUniversalTime().Should().Be(_time.GetUtcNow().AddHours(-1).UtcDateTime);
        leaf.NotAfter.ToUniversalTime().Should().Be(_time.GetUtcNow().AddDays(30).UtcDateTime);
        leaf.GetRSAPublicKey()!.KeySize.Should().Be(2048);
    }

    [Fact]
    public async Task ConfigureReceiverAndCertificateHandler_AreAcceptedByTheVerifier()
    {
        var options = new PayPalWebhookOptions();
        _signer.ConfigureReceiver(options);
        using var handler = _signer.CreateCertificateHandler();
        var verifier = new PayPalWebhookVerifier(options, new HandlerFactory(handler), _time);
        var headers = new HeaderDictionary();
        foreach (var (name, value) in _signer.Sign(Body))
        {
            headers[name] = value;
        }

        var result = await verifier.VerifyAsync(headers, Body);

        options.WebhookId.Should().Be(WebhookId);
        options.CertificateRevocationMode.Should().Be(X509RevocationMode.NoCheck);
        result.IsVerified.Should().BeTrue(result.Description);
    }

    [Fact]
    public async Task AddPayPalTestCertificates_ServesTheCertificateAtItsUrlOnly()
    {
        var services = new ServiceCollection();
        services.AddWebhooks().AddPayPal(_signer.ConfigureReceiver);
        services.AddPayPalTestCertificates(_signer);
        await using var provider = services.BuildServiceProvider();
        using var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient(PayPalWebhooksBuilderExtensions.CertificateHttpClientName);

        var served = await client.GetStringAsync(new Uri(_signer.CertificateUrl));
        using var elsewhere = await client.GetAsync(new Uri("https://api.paypal.com/v1/notifications/certs/other"));

        served.Should().Be(_signer.CertificatePem);
        elsewhere.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("", PayPalSigner.DefaultCertificateUrl)]
    [InlineData(WebhookId, "")]
    public void PayPal_WithoutWebhookIdOrUrl_Throws(string webhookId, string url)
    {
        var create = () => WebhookSigner.PayPal(webhookId, url, TimeProvider.System);

        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task PostPayPalWebhookAsync_OnKestrel_IsHandledWithTheBodysIdAndType()
    {
        using var signer = WebhookSigner.PayPal(WebhookId);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddWebhooks().AddPayPal(signer.ConfigureReceiver).AddHandler<Handler>();
        builder.Services.AddPayPalTestCertificates(signer);
        builder.Services.AddSingleton<TaskCompletionSource<WebhookEvent<PayPalEvent>>>();
        await using var app = builder.Build();
        app.MapWebhooks();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        using var response = await client.PostPayPalWebhookAsync("""{"id":"WH-2WR32451HC0233532-67976317FL4543714","event_type":"PAYMENT.CAPTURE.COMPLETED","summary":"Payment completed","resource":{"status":"COMPLETED"}}""", signer);
        var handled = await app.Services.GetRequiredService<TaskCompletionSource<WebhookEvent<PayPalEvent>>>().Task.WaitAsync(TimeSpan.FromSeconds(30));
        await app.StopAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        handled.EventId.Should().Be("WH-2WR32451HC0233532-67976317FL4543714");
        handled.EventType.Should().Be("PAYMENT.CAPTURE.COMPLETED");
        handled.Payload.Summary.Should().Be("Payment completed");
    }

    private sealed class Handler(TaskCompletionSource<WebhookEvent<PayPalEvent>> handled) : IWebhookHandler<PayPalEvent>
    {
        public Task HandleAsync(WebhookEvent<PayPalEvent> webhook, CancellationToken cancellationToken)
        {
            handled.TrySetResult(webhook);
            return Task.CompletedTask;
        }
    }

    private sealed class HandlerFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}
