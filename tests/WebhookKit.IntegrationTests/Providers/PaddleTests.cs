using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Paddle;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>Paddle Billing end to end on real Kestrel (docs/providers.md): the Testing helper, rotation, stale and duplicate-key bodies.</summary>
public sealed class PaddleTests
{
    private const string Secret = "pdl_ntfset_e2e_secret_8b21f0";
    private const string NextSecret = "pdl_ntfset_e2e_next_secret_44c9";

    [Fact]
    public async Task Post_TransactionCompletedFromTheTestingHelper_IsHandledWithTypedPayloadAndSignedId()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Secret);

        // Act
        using var response = await host.Client.PostPaddleWebhookAsync(Payloads.ReadText("paddle", "transaction-completed.json"), Secret);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync("evt_01h8e1jxjnw9ra6zarhnz1a7y1");
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be("transaction.completed");
        call.Payload.Should().BeOfType<PaddleTransactionEvent>().Which.Data!.Details!.Totals!.GrandTotal.Should().Be(65215);
    }

    [Fact]
    public async Task Post_DuringRotationOneH1PerSecret_IsAcceptedByAReceiverWithEitherSecret()
    {
        // Arrange: Paddle sends one h1 per active secret while a key is replaced.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, NextSecret);
        var body = Payloads.WithProperty(Payloads.Read("paddle", "transaction-completed.json"), "event_id", "evt_rotation");
        var ts = Signatures.Now().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var header = $"ts={ts};h1={WebhookSigner.Paddle(Secret).ComputeH1(ts, body)};h1={WebhookSigner.Paddle(NextSecret).ComputeH1(ts, body)}";
        using var request = Deliveries.Post("/webhooks/paddle", body, "application/json", ("Paddle-Signature", header));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync("evt_rotation");
    }

    [Fact]
    public async Task Post_CorrectlySignedTenMinutesAgo_Returns401AndRunsNoHandler()
    {
        // Arrange: a captured delivery replayed after the tolerance.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Secret);
        var body = Payloads.Read("paddle", "subscription-created.json");
        var signature = WebhookSigner.Paddle(Secret).Sign(body, DateTimeOffset.UtcNow.AddMinutes(-10));
        using var request = Deliveries.Post("/webhooks/paddle", body, "application/json", ("Paddle-Signature", signature));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, Secret, signature);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_SignedBodyRepeatingEventId_Returns400AndRunsNoHandler()
    {
        // Arrange: the dedupe key would take the first event_id and the model the last.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, Secret);
        var body = Encoding.UTF8.GetBytes("""{"event_id":"evt_first","event_type":"transaction.completed","data":{"id":"txn_1"},"event_id":"evt_second"}""");

        // Act
        using var response = await host.Client.PostPaddleWebhookAsync(Encoding.UTF8.GetString(body), Secret);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, string secret) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddPaddle(o => o.Secrets.Add(secret))
                .AddHandler<RecordingHandler<PaddleTransactionEvent>>()
                .AddHandler<RecordingHandler<PaddleSubscriptionEvent>>(),
            services => services.AddSingleton(probe));
}
