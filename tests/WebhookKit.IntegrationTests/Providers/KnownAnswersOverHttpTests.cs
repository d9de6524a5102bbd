using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Shopify;
using WebhookKit.Slack;
using WebhookKit.Twilio;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// The providers' documented known-answer vectors for Standard Webhooks, Slack, Shopify and Twilio, sent as real HTTP
/// deliveries to real Kestrel (the clock fixed at the vector's time where it is signed).
/// </summary>
public sealed class KnownAnswersOverHttpTests
{
    [Theory]
    [InlineData("webhook")]
    [InlineData("svix")]
    public async Task Post_StandardWebhooksVector_PassesVerificationAndIsRefusedOnlyForItsMissingType(string headerPrefix)
    {
        // Arrange: the vector's body has no "type", so a verified delivery is 400 (a wrong signature would be 401).
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddStandardWebhooks(o => o.Secrets.Add("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")),
            services => services.AddSingleton<TimeProvider>(At(1614265330)));
        using var request = Deliveries.Post(
            "/webhooks/standardwebhooks",
            """{"test": 2432232314}"""u8.ToArray(),
            "application/json",
            ($"{headerPrefix}-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
            ($"{headerPrefix}-timestamp", "1614265330"),
            ($"{headerPrefix}-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_SlackVector_IsHandledAsSlashCommand()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddSlack(o => o.Secrets.Add("8f742231b10e8888abcd99yyyzzz85a5")).AddHandler<RecordingHandler<SlackSlashCommand>>(),
            services => services.AddSingleton(probe).AddSingleton<TimeProvider>(At(1531420618)));
        var body = Encoding.UTF8.GetBytes(
            "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
        using var request = Deliveries.Post(
            "/webhooks/slack",
            body,
            "application/x-www-form-urlencoded",
            ("X-Slack-Request-Timestamp", "1531420618"),
            ("X-Slack-Signature", "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");
        var command = probe.Calls.Should().ContainSingle().Subject.Payload.Should().BeOfType<SlackSlashCommand>().Subject;
        command.Command.Should().Be("/webhook-collect");
        command.UserName.Should().Be("roadrunner");
        command.ResponseUrl.Should().Be("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN");
    }

    [Fact]
    public async Task Post_ShopifyVector_IsHandled()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddShopify(o =>
            {
                o.Secrets.Add("hush");
                o.AllowShortSecrets = true; // Shopify's published vector uses a 4-byte secret.
            }).AddHandler<RecordingHandler<ShopifyEvent>>(),
            services => services.AddSingleton(probe));
        using var request = Deliveries.Post(
            "/webhooks/shopify",
            """{"id":1}"""u8.ToArray(),
            "application/json",
            ("X-Shopify-Topic", "products/update"),
            ("X-Shopify-Webhook-Id", "vector-delivery"),
            ("X-Shopify-Hmac-Sha256", "VnKUjZsLuN5iZWjn5EntcBVCF9kMN43LglzCE1/GSeY="));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync("vector-delivery");
        probe.Calls.Should().ContainSingle().Which.Payload.Should().BeOfType<ShopifyEvent>().Which.Id.Should().Be("1");
    }

    [Theory]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B8=", "without the default port")]
    [InlineData("kvajT1Ptam85bY51eRf/AJRuM3w=", "with :443")]
    public async Task Post_TwilioFormVector_IsHandledBehindAPublicBaseUrl(string signature, string variant)
    {
        // Arrange: served at /myapp.php?foo=1&bar=2 so that the public URL is the vector's.
        var probe = new HandlerProbe();
        await using var host = await StartTwilioAsync(probe);
        var body = "CallSid=CA1234567890ABCDE&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212"u8.ToArray();
        using var request = Deliveries.Post("/myapp.php?foo=1&bar=2", body, "application/x-www-form-urlencoded", ("X-Twilio-Signature", signature));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK, variant);
        await probe.WaitForAsync("CA1234567890ABCDE");
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be("call");
        var twilio = call.Payload.Should().BeOfType<TwilioEvent>().Subject;
        twilio.CallSid.Should().Be("CA1234567890ABCDE");
        twilio.From.Should().Be("+14158675309");
        twilio.Parameters.Should().ContainKey("Digits");
    }

    [Fact]
    public async Task Post_TwilioBodySha256Vector_IsAccepted()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartTwilioAsync(probe);
        using var request = Deliveries.Post(
            "/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620",
            """{"property": "value", "boolean": true}"""u8.ToArray(),
            "application/json",
            ("X-Twilio-Signature", "a9nBmqA0ju/hNViExpshrM61xv4="));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert: without an idempotency token, the id of a JSON delivery is its body's hash.
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync("0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620");
        probe.Calls.Should().ContainSingle().Which.Payload.Should().BeOfType<TwilioEvent>().Which.Parameters.Should().ContainKey("property");
    }

    [Fact]
    public async Task Post_TwilioBodySha256VectorWithTamperedBody_Returns401()
    {
        // Arrange
        await using var host = await StartTwilioAsync(new HandlerProbe());
        using var request = Deliveries.Post(
            "/myapp.php?foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620",
            """{"property": "value", "boolean": false}"""u8.ToArray(),
            "application/json",
            ("X-Twilio-Signature", "a9nBmqA0ju/hNViExpshrM61xv4="));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static Task<WebhookTestHost> StartTwilioAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddTwilio("myapp.php", o =>
            {
                o.Secrets.Add("12345");
                o.AllowShortSecrets = true; // twilio-python's vectors use a 5-byte auth token.
                o.PublicBaseUrl = "https://mycompany.com";
            }).AddHandler<RecordingHandler<TwilioEvent>>(),
            services => services.AddSingleton(probe),
            app => app.MapWebhooks("/{receiver}"));

    private static FakeTimeProvider At(long unixSeconds) => new(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));
}
