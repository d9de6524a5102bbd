using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Slack;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// Slack's synchronous answers (url_verification, ssl_check), which reach the pipeline as the provider-neutral
/// "respond now" result, and the retry header handlers can see.
/// </summary>
public sealed class SlackHandshakeTests
{
    private const string Secret = "slack-handshake-signing-secret";

    [Fact]
    public async Task Post_UrlVerification_Returns200WithTheChallengeAndQueuesNothing()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        const string challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
        var body = Encoding.UTF8.GetBytes($$"""{"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"{{challenge}}","type":"url_verification"}""");

        // Act
        using var response = await host.Client.SendAsync(Signed(body, "application/json"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be(challenge);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        host.LogsWithEventId(15).Should().ContainSingle("the handshake is logged as answered by the provider");
        host.LogsWithEventId(1).Should().BeEmpty("nothing was accepted");
        host.GetRequiredService<WebhookKit.Dispatch.IWebhookQueue>().Count.Should().Be(0);
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_UrlVerificationWithWrongSignature_Returns401WithoutTheChallenge()
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe());
        var body = """{"challenge":"do-not-echo","type":"url_verification"}"""u8.ToArray();
        using var request = Signed(body, "application/json", "another-secret");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        (await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).Should().NotContain("do-not-echo");
    }

    [Fact]
    public async Task Post_SslCheck_Returns200EmptyAndQueuesNothing()
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe());

        // Act
        using var response = await host.Client.SendAsync(Signed("ssl_check=1&token=xyzz0WbapA4vBCDEFasx0q6G"u8.ToArray(), "application/x-www-form-urlencoded"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentLength.Should().Be(0);
    }

    [Fact]
    public async Task Post_RetriedEvent_HandlerSeesTheRetryNumber()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId("Ev");
        var body = Encoding.UTF8.GetBytes($$"""{"team_id":"T1","event":{"type":"message","channel":"C1","user":"U1","text":"hi","ts":"1.1"},"type":"event_callback","event_id":"{{id}}","event_time":1}""");
        using var request = Signed(body, "application/json").WithHeader("X-Slack-Retry-Num", "2").WithHeader("X-Slack-Retry-Reason", "http_timeout");

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.Headers.Should().Contain("X-Slack-Retry-Num", "2").And.Contain("X-Slack-Retry-Reason", "http_timeout").And.NotContainKey("X-Slack-Signature");
        call.Payload.Should().BeOfType<SlackEventEnvelope>().Which.Event!.Text.Should().Be("hi");
    }

    [Fact]
    public async Task Post_Interaction_IsHandledAsTypedInteraction()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var triggerId = Payloads.NewId("trigger.");
        var json = $$"""{"type":"shortcut","callback_id":"open_ticket","trigger_id":"{{triggerId}}","team":{"id":"T1","domain":"acme"},"user":{"id":"U1","username":"ada"} }""";
        var body = Encoding.UTF8.GetBytes("payload=" + Uri.EscapeDataString(json));

        // Act
        using var response = await host.Client.SendAsync(Signed(body, "application/x-www-form-urlencoded"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(triggerId);
        var interaction = probe.Calls.Should().ContainSingle(call => call.Handler == nameof(SlackInteraction)).Subject.Payload.Should().BeOfType<SlackInteraction>().Subject;
        interaction.CallbackId.Should().Be("open_ticket");
        interaction.User!.Username.Should().Be("ada");
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddSlack(o => o.Secrets.Add(Secret))
                .AddHandler<RecordingHandler<SlackEventEnvelope>>()
                .AddHandler<RecordingHandler<SlackInteraction>>(),
            services => services.AddSingleton(probe));

    private static HttpRequestMessage Signed(byte[] body, string contentType, string secret = Secret)
    {
        var t = Signatures.Now().ToString(CultureInfo.InvariantCulture);
        var signed = Encoding.UTF8.GetBytes($"v0:{t}:").Concat(body).ToArray();
        var signature = "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        return Deliveries.Post("/webhooks/slack", body, contentType, ("X-Slack-Request-Timestamp", t), ("X-Slack-Signature", signature));
    }
}
