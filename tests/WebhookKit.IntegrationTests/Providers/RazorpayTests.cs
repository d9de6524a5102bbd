using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Razorpay;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>Razorpay end to end on real Kestrel (docs/providers.md): the Testing helper, retries, secret rotation, relabelled replays.</summary>
public sealed class RazorpayTests
{
    private const string Secret = "rzp-e2e-webhook-secret-3c9a";
    private const string OldSecret = "rzp-e2e-old-webhook-secret-77d1";

    [Fact]
    public async Task Post_PaymentCapturedFromTheTestingHelper_IsHandledWithTypedPayloadAndHeaderId()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Secret);

        // Act
        using var response = await host.Client.PostRazorpayWebhookAsync(Payloads.ReadText("razorpay", "payment-captured.json"), Secret, eventId: "Gb5kMCdcAZ8jJ8");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync("Gb5kMCdcAZ8jJ8");
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be("payment.captured");
        call.Headers.Should().ContainKey("X-Razorpay-Event-Id").And.NotContainKey("X-Razorpay-Signature");
        call.Payload.Should().BeOfType<RazorpayPaymentEvent>().Which.Payload!.Payment!.Entity!.Id.Should().Be("pay_DESlfW9H8K9uqM");
    }

    [Fact]
    public async Task Post_RetryOfAnOlderEventSignedWithTheOldSecret_IsAcceptedWhileBothAreConfigured()
    {
        // Arrange: after a secret change Razorpay signs retries of older events with the old secret.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Secret, OldSecret);
        var older = Payloads.ReadText("razorpay", "order-paid.json");
        var newer = Payloads.ReadText("razorpay", "payment-captured.json");

        // Act
        using var retried = await host.Client.PostRazorpayWebhookAsync(older, OldSecret, eventId: "evt_older");
        using var fresh = await host.Client.PostRazorpayWebhookAsync(newer, Secret, eventId: "evt_newer");

        // Assert
        retried.StatusCode.Should().Be(HttpStatusCode.OK);
        fresh.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForCallsAsync(2);
        probe.Calls.Select(call => call.EventId).Should().BeEquivalentTo(["evt_older", "evt_newer"]);
    }

    [Fact]
    public async Task Post_SameSignedBodyUnderANewEventId_IsAReplayAndRunsNoHandlerAgain()
    {
        // Arrange: X-Razorpay-Event-Id is not signed, so whoever saw one delivery could resend it under any id.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Secret);
        var payload = Payloads.ReadText("razorpay", "payment-captured.json");
        using (var first = await host.Client.PostRazorpayWebhookAsync(payload, Secret, eventId: "evt_original"))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAsync("evt_original");
        await host.WaitForQueueDrainAsync();

        // Act
        using var relabelled = await host.Client.PostRazorpayWebhookAsync(payload, Secret, eventId: "evt_relabelled");

        // Assert
        relabelled.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_SignedWithAnotherSecret_Returns401AndRunsNoHandler()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Secret);
        var body = Payloads.Read("razorpay", "payment-captured.json");
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("not-the-configured-secret"), body));
        using var request = Deliveries.Post("/webhooks/razorpay", body, "application/json", ("X-Razorpay-Event-Id", "evt_forged"), ("X-Razorpay-Signature", signature));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, Secret, signature);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, params string[] secrets) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddRazorpay(o =>
            {
                foreach (var secret in secrets)
                {
                    o.Secrets.Add(secret);
                }
            }).AddHandler<RecordingHandler<RazorpayPaymentEvent>>(),
            services => services.AddSingleton(probe));
}
