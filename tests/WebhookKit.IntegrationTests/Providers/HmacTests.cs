using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.Hmac;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// Any HMAC sender end to end on real Kestrel (docs/providers.md, "Any HMAC sender"): a sender whose event id and type
/// are headers signs whatever body it likes, and the built-in <see cref="HmacEvent"/> must not dead-letter it.
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
}
