using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Stripe;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>Stripe end to end (docs/providers.md): the signature header with several schemes, rotation, tolerance, id from the body.</summary>
public sealed class StripeTests
{
    private const string Secret = "whsec_e2e5f1c2a9d8b7e6f5a4";

    [Fact]
    public async Task Post_SignedEvent_HandledWithTypedEnvelope()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Secret));
        var id = Payloads.NewId("evt_");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.Stripe(Secret, Payloads.StripeEvent(id)));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be("customer.updated");
        var stripeEvent = call.Payload.Should().BeOfType<StripeEvent>().Subject;
        stripeEvent.Id.Should().Be(id);
        stripeEvent.Type.Should().Be("customer.updated");
        stripeEvent.Data!.Object.GetProperty("id").GetString().Should().Be("cus_DjL8lObxrWj04W");
    }

    [Fact]
    public async Task Post_RotationHeaderWhereOnlySecondV1Matches_Returns200AndHandles()
    {
        // Arrange: during a secret roll Stripe signs with both secrets; this receiver knows only the new one.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Secret));
        var id = Payloads.NewId("evt_");
        var body = Payloads.StripeEvent(id);
        var t = Signatures.Now();
        var header = $"t={t},v1={Signatures.StripeV1("whsec_oldsecretnolongerknown", t, body)},v1={Signatures.StripeV1(Secret, t, body)}";
        using var request = Deliveries.Stripe(Secret, body, t).WithHeader("Stripe-Signature", header);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Fact]
    public async Task Post_HeaderWithOtherSchemesAndSpaces_IgnoresThemAndAcceptsMatchingV1()
    {
        // Arrange: a v0 (test-mode legacy) signature and an unknown scheme are ignored.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Secret));
        var id = Payloads.NewId("evt_");
        var body = Payloads.StripeEvent(id);
        var t = Signatures.Now();
        var header = $"t={t}, v0={new string('0', 64)}, v2=whatever, v1={Signatures.StripeV1(Secret, t, body)}";
        using var request = Deliveries.Stripe(Secret, body, t).WithHeader("Stripe-Signature", header);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Fact]
    public async Task Post_TwoConfiguredSecrets_AcceptsEventsSignedWithEither()
    {
        // Arrange
        const string second = "whsec_second0a1b2c3d4e5f";
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o =>
        {
            o.Secrets.Add(Secret);
            o.Secrets.Add(second);
        });
        var firstId = Payloads.NewId("evt_");
        var secondId = Payloads.NewId("evt_");

        // Act
        using var withFirst = await host.Client.SendAsync(Deliveries.Stripe(Secret, Payloads.StripeEvent(firstId)));
        using var withSecond = await host.Client.SendAsync(Deliveries.Stripe(second, Payloads.StripeEvent(secondId)));

        // Assert
        withFirst.StatusCode.Should().Be(HttpStatusCode.OK);
        withSecond.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(firstId);
        await probe.WaitForAsync(secondId);
    }

    [Fact]
    public async Task Post_TimestampWithinCustomTolerance_Returns200()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o =>
        {
            o.Secrets.Add(Secret);
            o.Tolerance = TimeSpan.FromMinutes(10);
        });
        var id = Payloads.NewId("evt_");

        // Act: eight minutes old, which the default five-minute tolerance would reject.
        using var response = await host.Client.SendAsync(Deliveries.Stripe(Secret, Payloads.StripeEvent(id), Signatures.Now() - 480));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Fact]
    public async Task Post_TimestampBeyondCustomTolerance_Returns401()
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe(), o =>
        {
            o.Secrets.Add(Secret);
            o.Tolerance = TimeSpan.FromSeconds(60);
        });

        // Act: two minutes old, which the default tolerance would accept.
        using var response = await host.Client.SendAsync(Deliveries.Stripe(Secret, Payloads.StripeEvent(Payloads.NewId("evt_")), Signatures.Now() - 120));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SameEventIdResignedAtLaterTime_HandledOnce()
    {
        // Arrange: Stripe signs every attempt afresh; the event id in the body is what identifies the event.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, o => o.Secrets.Add(Secret));
        var id = Payloads.NewId("evt_");
        var body = Payloads.StripeEvent(id);
        using (var first = await host.Client.SendAsync(Deliveries.Stripe(Secret, body, Signatures.Now() - 60)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAsync(id);

        // Act
        using var retry = await host.Client.SendAsync(Deliveries.Stripe(Secret, body));

        // Assert
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_SignedEventWithCustomPayloadForItsType_RunsBothHandlers()
    {
        // Arrange: the envelope handler and a custom model registered with AddPayloadType for one event type.
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddStripe(o => o.Secrets.Add(Secret))
                .AddPayloadType("stripe", "customer.updated", TestJsonContext.Default.CustomerUpdated)
                .AddHandler<RecordingHandler<StripeEvent>>()
                .AddHandler<RecordingHandler<CustomerUpdated>>(),
            services => services.AddSingleton(probe));
        var id = Payloads.NewId("evt_");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.Stripe(Secret, Payloads.StripeEvent(id)));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForCallsAsync(2);
        probe.Calls.Select(call => call.Handler).Should().BeEquivalentTo([nameof(StripeEvent), nameof(CustomerUpdated)]);
        probe.Calls.Single(call => call.Handler == nameof(CustomerUpdated)).Payload.Should().BeOfType<CustomerUpdated>()
            .Which.Created.Should().Be(1538742675);
    }

    [Fact]
    public async Task Post_TimestampWithPlusSign_Returns401()
    {
        // Arrange: "+<t>" is not the number Stripe signs; a lenient parser would accept it.
        await using var host = await StartAsync(new HandlerProbe(), o => o.Secrets.Add(Secret));
        var body = Payloads.StripeEvent(Payloads.NewId("evt_"));
        var t = Signatures.Now();
        var header = $"t=+{t.ToString(CultureInfo.InvariantCulture)},v1={Signatures.StripeV1(Secret, t, body)}";
        using var request = Deliveries.Stripe(Secret, body, t).WithHeader("Stripe-Signature", header);

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<StripeWebhookOptions> configure) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddStripe(configure).AddHandler<RecordingHandler<StripeEvent>>(),
            services => services.AddSingleton(probe));
}
