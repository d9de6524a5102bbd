using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.SendGrid;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>
/// SendGrid end to end on real Kestrel (docs/providers.md): SendGrid's published vector, a batch through the
/// <c>WebhookKit.Testing</c> helper, a redelivered batch handled once, an empty batch, and key rotation.
/// </summary>
public sealed class SendGridTests
{
    private const string VectorKey = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";

    [Fact]
    public async Task Post_SendGridKnownAnswer_IsHandledAsABatchOfOneDroppedEvent()
    {
        // Arrange: sendgrid/sendgrid-csharp 9.29.3, tests/SendGrid.Tests/Helpers/EventWebhook/RequestValidatorTests.cs
        // (the body ends in "\r\n", which is signed); the clock is at the vector's timestamp.
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddSendGrid(o => o.PublicKeys.Add(VectorKey)).AddHandler<RecordingHandler<SendGridEventBatch>>(),
            services => services.AddSingleton(probe).AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1600112502))));
        var body = Encoding.UTF8.GetBytes(
            """[{"email":"hello@world.com","event":"dropped","reason":"Bounced Address","sg_event_id":"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1600112492}]""" + "\r\n");
        using var request = Deliveries.Post(
            "/webhooks/sendgrid",
            body,
            "application/json",
            ("X-Twilio-Email-Event-Webhook-Timestamp", "1600112502"),
            ("X-Twilio-Email-Event-Webhook-Signature", "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM="));

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await probe.WaitForAsync("ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA");
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be(SendGridWebhooksBuilderExtensions.BatchEventType);
        var dropped = call.Payload.Should().BeOfType<SendGridEventBatch>().Subject.Events.Should().ContainSingle().Subject;
        dropped.Event.Should().Be("dropped");
        dropped.SmtpId.Should().Be("<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>");
    }

    [Fact]
    public async Task Post_BatchThroughTestingHelper_HandledOnceWithEveryEventEvenWhenRedelivered()
    {
        // Arrange
        using var signer = WebhookSigner.SendGrid();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, signer.PublicKey);
        const string batch = """[{"event":"delivered","sg_event_id":"sg-a","email":"a@example.com"},{"event":"open","sg_event_id":"sg-b","email":"a@example.com","category":["welcome"]}]""";

        // Act: SendGrid's redelivery is signed afresh, its events in another order.
        using var first = await host.Client.PostSendGridWebhookAsync(batch, signer);
        await probe.WaitForCallsAsync(1);
        await host.WaitForQueueDrainAsync();
        using var again = await host.Client.PostSendGridWebhookAsync("""[{"event":"open","sg_event_id":"sg-b","email":"a@example.com","category":["welcome"]},{"event":"delivered","sg_event_id":"sg-a","email":"a@example.com"}]""", signer);
        await host.WaitForQueueDrainAsync();

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        probe.Attempts.Should().ContainSingle();
        var events = probe.Calls.Single().Payload.Should().BeOfType<SendGridEventBatch>().Subject.Events;
        events.Select(e => e.Event).Should().Equal("delivered", "open");
        events[1].Category.Should().Equal("welcome");
    }

    [Fact]
    public async Task Post_EmptyBatch_Returns200AndQueuesNothing()
    {
        // Arrange
        using var signer = WebhookSigner.SendGrid();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, signer.PublicKey);

        // Act
        using var response = await host.Client.PostSendGridWebhookAsync("[]", signer);
        await host.WaitForQueueDrainAsync();

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_SignedByTheOldOrTheNewKeyDuringRotation_BothHandled()
    {
        // Arrange
        using var oldSigner = WebhookSigner.SendGrid();
        using var newSigner = WebhookSigner.SendGrid();
        using var unknown = WebhookSigner.SendGrid();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, oldSigner.PublicKey, newSigner.PublicKey);

        // Act
        using var byOld = await host.Client.PostSendGridWebhookAsync("""[{"event":"open","sg_event_id":"sg-old"}]""", oldSigner);
        using var byNew = await host.Client.PostSendGridWebhookAsync("""[{"event":"open","sg_event_id":"sg-new"}]""", newSigner);
        using var byUnknown = await host.Client.PostSendGridWebhookAsync("""[{"event":"open","sg_event_id":"sg-unknown"}]""", unknown);

        // Assert
        byOld.StatusCode.Should().Be(HttpStatusCode.OK);
        byNew.StatusCode.Should().Be(HttpStatusCode.OK);
        await byUnknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await probe.WaitForAsync("sg-old");
        await probe.WaitForAsync("sg-new");
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, params string[] publicKeys) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddSendGrid(o =>
                {
                    foreach (var key in publicKeys)
                    {
                        o.PublicKeys.Add(key);
                    }
                })
                .AddHandler<RecordingHandler<SendGridEventBatch>>(),
            services => services.AddSingleton(probe));
}
