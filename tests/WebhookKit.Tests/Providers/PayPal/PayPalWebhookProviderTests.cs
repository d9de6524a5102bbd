using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.PayPal;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Providers.PayPal;

/// <summary>
/// The PayPal provider's answers: the id and type from the signed body, refusals of bodies the dedupe key and the model
/// could read differently, and the synchronous <c>Read</c> that never waits for a certificate fetch.
/// </summary>
public sealed class PayPalWebhookProviderTests : IDisposable
{
    private const string WebhookId = "9XL90610J3647323C";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly PayPalSigner _signer;

    public PayPalWebhookProviderTests() => _signer = WebhookSigner.PayPal(WebhookId, PayPalSigner.DefaultCertificateUrl, _time);

    public void Dispose() => _signer.Dispose();

    [Fact]
    public async Task ReadAsync_Signed_AcceptsTheBodysIdAndTypeAsSigned()
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var body = """{"id":"WH-2WR32451HC0233532-67976317FL4543714","event_type":"PAYMENT.CAPTURE.COMPLETED","resource":{}}"""u8.ToArray();

        var result = await Provider(server).ReadAsync(Request(body), CancellationToken.None);

        result.Status.Should().Be(WebhookProviderStatus.Accepted, result.FailureReason);
        result.EventId.Should().Be("WH-2WR32451HC0233532-67976317FL4543714");
        result.EventType.Should().Be("PAYMENT.CAPTURE.COMPLETED");
        result.IsEventIdSigned.Should().BeTrue("the signed CRC-32 covers the body the id and type come from");
    }

    [Theory]
    [InlineData("""{"id":"WH-1","id":"WH-2","event_type":"PAYMENT.CAPTURE.COMPLETED"}""", WebhookRejectionReason.EventFieldsRepeated)]
    [InlineData("""{"id":"WH-1"}""", WebhookRejectionReason.EventFieldsMissing)]
    [InlineData("""["WH-1"]""", WebhookRejectionReason.BodyNotJson)]
    [InlineData("not json", WebhookRejectionReason.BodyNotJson)]
    public async Task ReadAsync_SignedButUnreadable_Is400WithItsReason(string json, WebhookRejectionReason reason)
    {
        using var server = CertificateServer.Serving(_signer.CertificatePem);
        var body = System.Text.Encoding.UTF8.GetBytes(json);

        var result = await Provider(server).ReadAsync(Request(body), CancellationToken.None);

        result.Status.Should().Be(WebhookProviderStatus.BadRequest);
        result.RejectionReason.Should().Be(reason);
    }

    [Fact]
    public async Task Read_CertificateNotFetchedYet_Is503WithoutWaiting_ThenAcceptsOnceFetched()
    {
        // The first fetch takes a while; Read (synchronous) must not block on it.
        using var server = CertificateServer.Serving(_signer.CertificatePem, delay: TimeSpan.FromMilliseconds(300));
        var provider = Provider(server);
        var body = """{"id":"WH-3","event_type":"PAYMENT.CAPTURE.COMPLETED"}"""u8.ToArray();

        var first = provider.Read(Request(body));
        await provider.ReadAsync(Request(body), CancellationToken.None);
        var second = provider.Read(Request(body));

        first.Status.Should().Be(WebhookProviderStatus.Unavailable);
        first.RejectionReason.Should().Be(WebhookRejectionReason.CertificateUnavailable);
        second.Status.Should().Be(WebhookProviderStatus.Accepted, "the certificate is kept once fetched");
        server.Requests.Should().Be(1, "the synchronous read's fetch is the one the asynchronous read waited for");
    }

    private PayPalWebhookProvider Provider(CertificateServer server)
    {
        var options = new PayPalWebhookOptions();
        _signer.ConfigureReceiver(options);
        return new PayPalWebhookProvider(options, server, _time, null, "paypal");
    }

    private WebhookRequest Request(byte[] body)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in _signer.Sign(body))
        {
            headers[name] = value;
        }

        return new WebhookRequest(headers, body);
    }
}
