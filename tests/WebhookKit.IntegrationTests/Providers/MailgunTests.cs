using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Mailgun;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// Mailgun end to end on real Kestrel (docs/providers.md; SECURITY.md, "Mailgun"): mailgun-php's known answer, the
/// token as a single-use id (a retry, and a replay with other event data, are handled once), a route's form post.
/// </summary>
public sealed class MailgunTests
{
    private const string SigningKey = "key-3ax6xnjp29jd6fds4gc373sgvjxteol0";

    [Fact]
    public async Task Post_MailgunKnownAnswer_IsHandledWithTheTokenAsEventId()
    {
        // Arrange: mailgun/mailgun-php, tests/Api/WebhookTest.php (testVerifyWebhookGood), around an event of Mailgun's
        // documented shape; the clock is at the vector's timestamp.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1403645220)));
        var body = Encoding.UTF8.GetBytes(
            """{"signature":{"timestamp":"1403645220","token":"5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6","signature":"9cfc5c41582e51246e73c88d34db3af0a3a2692a76fbab81492842f000256d33"},"event-data":{"event":"failed","severity":"permanent","reason":"bounce","id":"G9Bn5sl1TC6nu79C8C0bwg","recipient":"alice@example.com","delivery-status":{"code":550,"message":"No such user"}}}""");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.Post("/webhooks/mailgun", body, "application/json"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await probe.WaitForAsync("5egbgr1vjgqxtrnp65xfznchgdccwh5d6i09vijqi3whgowmn6");
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be("failed");
        var data = call.Payload.Should().BeOfType<MailgunWebhook>().Subject.EventData!;
        data.Severity.Should().Be("permanent");
        data.DeliveryStatus!.Code.Should().Be(550);
    }

    [Fact]
    public async Task Post_SameTokenAgain_IsHandledOnceWhetherARetryOrAReplayWithOtherEventData()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, TimeProvider.System);
        const string token = "0123456789abcdef0123456789abcdef0123456789abcdef01";
        var original = WebhookSigner.Mailgun(SigningKey).CreateWebhook("""{"event":"delivered","recipient":"alice@example.com"}""", token);
        using (var first = await host.Client.SendAsync(Deliveries.Post("/webhooks/mailgun", Encoding.UTF8.GetBytes(original), "application/json")))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAsync(token);
        await host.WaitForQueueDrainAsync();

        // Act: Mailgun's retry (the same body), then someone resending the signature block with event data of their own.
        using var retry = await host.Client.SendAsync(Deliveries.Post("/webhooks/mailgun", Encoding.UTF8.GetBytes(original), "application/json"));
        var forged = original.Replace("\"event\":\"delivered\",\"recipient\":\"alice@example.com\"", "\"event\":\"failed\",\"recipient\":\"mallory@example.com\"", StringComparison.Ordinal);
        forged.Should().NotBe(original);
        using var replay = await host.Client.SendAsync(Deliveries.Post("/webhooks/mailgun", Encoding.UTF8.GetBytes(forged), "application/json"));
        await host.WaitForQueueDrainAsync();

        // Assert: both get 200 (Mailgun stops), neither runs a handler again.
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        replay.StatusCode.Should().Be(HttpStatusCode.OK);
        probe.Attempts.Should().ContainSingle().Which.EventType.Should().Be("delivered");
    }

    [Fact]
    public async Task Post_ThroughTestingHelper_IsHandled()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, TimeProvider.System);

        // Act
        using var response = await host.Client.PostMailgunWebhookAsync("""{"event":"opened","recipient":"alice@example.com","ip":"192.0.2.1"}""", SigningKey, token: "helper-token-0001");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync("helper-token-0001");
        probe.Calls.Single().Payload.Should().BeOfType<MailgunWebhook>().Which.EventData!.Ip.Should().Be("192.0.2.1");
    }

    [Fact]
    public async Task Post_RouteFormPost_IsHandledAsAnInboundMessage()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, TimeProvider.System);
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string token = "route-token-0001";
        var form = $"recipient=support%40example.com&sender=bob%40example.com&subject=Help&body-plain=It+broke&timestamp={t}&token={token}&signature={WebhookSigner.Mailgun(SigningKey).Sign(t, token)}";

        // Act
        using var response = await host.Client.SendAsync(Deliveries.Post("/webhooks/mailgun", Encoding.ASCII.GetBytes(form), "application/x-www-form-urlencoded"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(token);
        await probe.WaitForCallsAsync(2);
        probe.Calls.Should().OnlyContain(call => call.EventType == MailgunWebhooksBuilderExtensions.InboundEventType);
        probe.Calls.Select(call => call.Payload).OfType<MailgunInboundMessage>().Should().ContainSingle().Which.BodyPlain.Should().Be("It broke");

        // The catch-all model's handlers see it too, without the JSON webhook's parts (and without failing).
        probe.Calls.Select(call => call.Payload).OfType<MailgunWebhook>().Should().ContainSingle().Which.EventData.Should().BeNull();
    }

    [Fact]
    public async Task Post_ForgedSignature_Returns401()
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe(), TimeProvider.System);
        var body = WebhookSigner.Mailgun("not-the-configured-signing-key").CreateWebhook("""{"event":"delivered"}""");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.Post("/webhooks/mailgun", Encoding.UTF8.GetBytes(body), "application/json"));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, TimeProvider clock) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddMailgun(o => o.Secrets.Add(SigningKey))
                .AddHandler<RecordingHandler<MailgunWebhook>>()
                .AddHandler<RecordingHandler<MailgunInboundMessage>>(),
            services => services.AddSingleton(probe).AddSingleton(clock));
}
