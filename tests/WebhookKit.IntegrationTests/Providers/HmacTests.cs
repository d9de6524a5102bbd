using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Dispatch;
using WebhookKit.Hmac;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// Any HMAC sender end to end on real Kestrel (docs/providers.md, "Any HMAC sender"): a sender whose event id and type
/// are headers signs whatever body it likes, and the built-in <see cref="HmacEvent"/> must not dead-letter it; the
/// Testing helper signs as the receiver's scheme says.
/// </summary>
public sealed class HmacTests
{
    private const string Secret = "inhouse-hmac-e2e-secret-5f3a";

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "invoice=inv_1&amount=12.50")]
    [InlineData("text/plain", "not json at all")]
    [InlineData("application/json", "{\"truncated\": ")]
    public async Task Post_SignedBodyThatIsNotJson_IsHandledWithIsJsonFalse_NotDeadLettered(string contentType, string body)
    {
        // Arrange: promise 1, a verified event is never dead-lettered because a built-in model cannot read it.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var eventId = "hmac-not-json-" + Guid.NewGuid().ToString("N");

        // Act
        using var response = await host.Client.SendAsync(Signed(eventId, contentType, Encoding.UTF8.GetBytes(body)));
        await probe.WaitForAsync(eventId);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = probe.Calls.Should().ContainSingle().Subject;
        var payload = call.Payload.Should().BeOfType<HmacEvent>().Subject;
        payload.IsJson.Should().BeFalse();
        (await host.Services.GetRequiredService<IDeadLetterStore>().ListAsync(10, default)).Should().BeEmpty();
    }

    [Fact]
    public async Task Post_SignedJsonBody_IsHandledWithTheJson()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);

        // Act
        using var response = await host.Client.SendAsync(Signed("hmac-json-1", "application/json", """{"invoice":"inv_1"}"""u8.ToArray()));
        await probe.WaitForAsync("hmac-json-1");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var payload = probe.Calls.Should().ContainSingle().Subject.Payload.Should().BeOfType<HmacEvent>().Subject;
        payload.IsJson.Should().BeTrue();
        payload.Json.GetProperty("invoice").GetString().Should().Be("inv_1");
    }

    [Fact]
    public async Task Post_FromTheTestingHelperWithTheReceiversOwnOptionsAndItsRetry_IsHandledOnce()
    {
        // Arrange: prefix, timestamp, id and type headers, read back from the running app.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var scheme = host.GetRequiredService<IOptionsMonitor<HmacWebhookOptions>>().Get("inhouse");

        // Act
        using var first = await host.Client.PostHmacWebhookAsync("/webhooks/inhouse", """{"invoice":"inv_2"}""", Secret, scheme, eventId: "hmac-helper-1", eventType: "invoice.paid");
        await probe.WaitForAsync("hmac-helper-1");
        using var retry = await host.Client.PostHmacWebhookAsync("/webhooks/inhouse", """{"invoice":"inv_2"}""", Secret, scheme, eventId: "hmac-helper-1", eventType: "invoice.paid");
        await host.WaitForQueueDrainAsync();

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = probe.Attempts.Should().ContainSingle().Subject;
        call.EventType.Should().Be("invoice.paid");
        call.Payload.Should().BeOfType<HmacEvent>().Which.Json.GetProperty("invoice").GetString().Should().Be("inv_2");
    }

    [Theory]
    [InlineData(HmacSignatureAlgorithm.Sha256, HmacSignatureEncoding.Hex, null)]
    [InlineData(HmacSignatureAlgorithm.Sha512, HmacSignatureEncoding.Base64, "{id}.{timestamp}.{body}")]
    public async Task Post_FromTheTestingHelper_FollowsTheScheme(HmacSignatureAlgorithm algorithm, HmacSignatureEncoding encoding, string? signedContent)
    {
        // Arrange: the defaults (hex SHA-256 of the body, id and type in it), and a scheme that signs the id too.
        var probe = new HandlerProbe();
        var scheme = new HmacWebhookOptions { SignatureHeader = "X-Signature", Algorithm = algorithm, SignatureEncoding = encoding, SignedContent = signedContent, EventTypeProperty = "type" };
        if (signedContent is null)
        {
            scheme.EventIdProperty = "id";
        }
        else
        {
            scheme.EventIdHeader = "X-Event-Id";
            scheme.TimestampHeader = "X-Timestamp";
        }

        await using var host = await StartAsync(probe, scheme);
        var payload = signedContent is null ? """{"id":"evt_body_1","type":"order.shipped"}""" : """{"type":"order.shipped"}""";

        // Act
        using var response = await host.Client.PostHmacWebhookAsync("/webhooks/scheme", payload, Secret, scheme, eventId: signedContent is null ? null : "evt_header_1");
        using var forged = await host.Client.PostHmacWebhookAsync("/webhooks/scheme", payload, "not-the-configured-secret-00", scheme, eventId: signedContent is null ? null : "evt_header_2");
        await probe.WaitForCallsAsync(1);
        await host.WaitForQueueDrainAsync();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        host.ShouldNotLeak(await forged.ShouldBeProblemAsync(HttpStatusCode.Unauthorized), Secret);
        var call = probe.Attempts.Should().ContainSingle().Subject;
        call.EventId.Should().Be(signedContent is null ? "evt_body_1" : "evt_header_1");
        call.EventType.Should().Be("order.shipped");
    }

    [Fact]
    public async Task Post_FromTheTestingHelperWithAnotherSecret_Returns401AndRunsNoHandler()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var scheme = host.GetRequiredService<IOptionsMonitor<HmacWebhookOptions>>().Get("inhouse");

        // Act
        using var response = await host.Client.PostHmacWebhookAsync("/webhooks/inhouse", "{}", "not-the-configured-secret-00", scheme, eventType: "invoice.paid");

        // Assert
        host.ShouldNotLeak(await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized), Secret);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    private static HttpRequestMessage Signed(string eventId, string contentType, byte[] body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/inhouse") { Content = new ByteArrayContent(body) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-Timestamp", timestamp);
        request.Headers.Add("X-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed)));
        request.Headers.Add("X-Request-Id", eventId);
        request.Headers.Add("X-Event", "invoice.paid");
        return request;
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddHmac("inhouse", o =>
            {
                o.Secrets.Add(Secret);
                o.SignatureHeader = "X-Signature";
                o.SignaturePrefix = "sha256=";
                o.TimestampHeader = "X-Timestamp";
                o.EventIdHeader = "X-Request-Id";
                o.EventTypeHeader = "X-Event";
            }).AddHandler<RecordingHandler<HmacEvent>>(),
            services => services.AddSingleton(probe));

    /// <summary>A receiver "scheme" configured as <paramref name="scheme"/> says, with <see cref="Secret"/>.</summary>
    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, HmacWebhookOptions scheme) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddHmac("scheme", o =>
            {
                o.Secrets.Add(Secret);
                o.SignatureHeader = scheme.SignatureHeader;
                o.Algorithm = scheme.Algorithm;
                o.SignatureEncoding = scheme.SignatureEncoding;
                o.SignaturePrefix = scheme.SignaturePrefix;
                o.TimestampHeader = scheme.TimestampHeader;
                o.SignedContent = scheme.SignedContent;
                o.EventIdHeader = scheme.EventIdHeader;
                o.EventIdProperty = scheme.EventIdProperty;
                o.EventTypeHeader = scheme.EventTypeHeader;
                o.EventTypeProperty = scheme.EventTypeProperty;
            }).AddHandler<RecordingHandler<HmacEvent>>(),
            services => services.AddSingleton(probe));
}
