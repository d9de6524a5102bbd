using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Testing;
using WebhookKit.Twilio;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// Twilio end to end on real Kestrel through the Testing helper: the signed URL is the receiver's PublicBaseUrl (with
/// or without a path prefix) or, in Development, the request URL; the delivery is handled once; another token, or
/// another URL, is refused.
/// </summary>
public sealed class TwilioTests
{
    private const string Token = "twilio-e2e-auth-token-7a3f";

    private static readonly KeyValuePair<string, string>[] StatusCallback =
    [
        new("MessageSid", "SM0123456789abcdef0123456789abcdef"),
        new("MessageStatus", "delivered"),
        new("AccountSid", "AC0123456789abcdef0123456789abcdef"),
        new("From", "+14158675309"),
        new("To", "+18005551212"),
        new("Body", "Hello & welcome: 100% ✓"),
    ];

    [Theory]
    [InlineData("https://hooks.example.com")]
    [InlineData("https://example.com/app/")]
    public async Task Post_StatusCallbackFromTheTestingHelperAndItsRetry_IsHandledOnceBehindAPublicBaseUrl(string publicBaseUrl)
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Environments.Production, publicBaseUrl);

        // Act: Twilio retries with the same idempotency token.
        using var first = await host.Client.PostTwilioWebhookAsync(StatusCallback, Token, publicBaseUrl, idempotencyToken: "idem-helper-1");
        await probe.WaitForAsync("idem-helper-1");
        using var retry = await host.Client.PostTwilioWebhookAsync(StatusCallback, Token, publicBaseUrl, idempotencyToken: "idem-helper-1");
        await host.WaitForQueueDrainAsync();

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = probe.Attempts.Should().ContainSingle().Subject;
        call.EventType.Should().Be("message");
        var twilio = call.Payload.Should().BeOfType<TwilioEvent>().Subject;
        twilio.MessageStatus.Should().Be("delivered");
        twilio.Body.Should().Be("Hello & welcome: 100% ✓");
    }

    [Fact]
    public async Task Post_FromTheTestingHelperWithoutPublicBaseUrl_SignsTheRequestUrlInDevelopment()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Environments.Development, publicBaseUrl: null);

        // Act
        using var response = await host.Client.PostTwilioWebhookAsync([new("CallSid", "CA0123456789abcdef0123456789abcdef"), new("CallStatus", "completed")], Token);
        await probe.WaitForCallsAsync(1);
        await host.WaitForQueueDrainAsync();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var call = probe.Attempts.Should().ContainSingle().Subject;
        call.EventType.Should().Be("call");
        Guid.TryParse(call.EventId, out _).Should().BeTrue("the helper sends a new idempotency token when none is given");
    }

    [Fact]
    public async Task Post_FromTheTestingHelperWithAnotherTokenOrUrl_Returns401AndRunsNoHandler()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Environments.Production, "https://hooks.example.com");

        // Act
        using var otherToken = await host.Client.PostTwilioWebhookAsync(StatusCallback, "not-the-auth-token-0000", "https://hooks.example.com");
        using var otherUrl = await host.Client.PostTwilioWebhookAsync(StatusCallback, Token, "https://other-app.example.com");
        using var requestUrl = await host.Client.PostTwilioWebhookAsync(StatusCallback, Token);

        // Assert
        host.ShouldNotLeak(await otherToken.ShouldBeProblemAsync(HttpStatusCode.Unauthorized), Token);
        await otherUrl.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await requestUrl.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, string environment, string? publicBaseUrl) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddTwilio(o =>
            {
                o.Secrets.Add(Token);
                o.PublicBaseUrl = publicBaseUrl;
            }).AddHandler<RecordingHandler<TwilioEvent>>(),
            services => services.AddSingleton(probe),
            environmentName: environment);
}
