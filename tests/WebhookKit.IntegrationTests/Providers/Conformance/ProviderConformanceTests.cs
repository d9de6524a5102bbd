using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Providers.Conformance;

/// <summary>
/// One suite, every provider (<see cref="ProviderCases"/>), on real Kestrel: nothing in the pipeline is special-cased
/// for any of them, so each must behave the same way at the HTTP boundary.
/// </summary>
public sealed class ProviderConformanceTests
{
    [Theory]
    [MemberData(nameof(ProviderCases.Names), MemberType = typeof(ProviderCases))]
    public async Task Post_SignedDelivery_Returns200AndIsHandledByTypedHandler(string provider)
    {
        // Arrange
        var @case = ProviderCases.Get(provider);
        var probe = new HandlerProbe();
        await using var host = await StartAsync(@case, probe);
        var id = Payloads.NewId("evt_");

        // Act
        using var response = await host.Client.SendAsync(Signed(host, @case, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        await probe.WaitForAsync(id);
        var call = probe.Calls.Should().ContainSingle().Subject;
        call.EventType.Should().Be(@case.EventType);
        call.Payload.Should().BeOfType(@case.PayloadType);
        @case.SignatureHeaders.Should().NotContain(name => call.Headers!.ContainsKey(name), "a handler never sees the signature");
    }

    [Theory]
    [MemberData(nameof(ProviderCases.Names), MemberType = typeof(ProviderCases))]
    public async Task Post_SameDeliveryTwice_IsHandledOnce(string provider)
    {
        // Arrange
        var @case = ProviderCases.Get(provider);
        var probe = new HandlerProbe();
        await using var host = await StartAsync(@case, probe);
        var id = Payloads.NewId("evt_");
        using (var first = await host.Client.SendAsync(Signed(host, @case, id)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAsync(id);
        await host.WaitForQueueDrainAsync();

        // Act: the provider's redelivery, signed afresh.
        using var duplicate = await host.Client.SendAsync(Signed(host, @case, id));

        // Assert
        duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
    }

    [Theory]
    [MemberData(nameof(ProviderCases.BodyCoveringNames), MemberType = typeof(ProviderCases))]
    public async Task Post_TamperedBody_Returns401AndIsNotHandled(string provider)
    {
        // Arrange
        var @case = ProviderCases.Get(provider);
        var probe = new HandlerProbe();
        await using var host = await StartAsync(@case, probe);
        var delivery = SignBody(@case, @case.Create(Payloads.NewId("evt_")));
        var signature = @case.Sign(delivery, Url(host, delivery));
        var tampered = @case.Tamper?.Invoke(delivery) ?? delivery with { Body = [.. delivery.Body, (byte)' '] };

        // Act
        using var response = await host.Client.SendAsync(Deliveries.Post(tampered.PathAndQuery, tampered.Body, tampered.ContentType, [.. tampered.Headers, .. signature]));

        // Assert
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(body, [.. signature.Where(h => @case.SignatureHeaders.Contains(h.Name)).Select(h => h.Value)]);
        probe.Attempts.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(ProviderCases.TokenOnlyNames), MemberType = typeof(ProviderCases))]
    public async Task Post_TamperedBodyWithAValidToken_IsAcceptedSinceATokenDoesNotCoverTheBody(string provider)
    {
        // Arrange: what a shared token does not prove, stated as a test (docs/providers.md, "Senders that sign nothing").
        var @case = ProviderCases.Get(provider);
        var probe = new HandlerProbe();
        await using var host = await StartAsync(@case, probe);
        var id = Payloads.NewId("evt_");
        var delivery = @case.Create(id);
        var tampered = delivery with { Body = [.. delivery.Body, (byte)' '] };

        // Act
        using var response = await host.Client.SendAsync(Deliveries.Post(tampered.PathAndQuery, tampered.Body, tampered.ContentType, [.. tampered.Headers, .. @case.Sign(delivery, Url(host, delivery))]));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Theory]
    [MemberData(nameof(ProviderCases.Names), MemberType = typeof(ProviderCases))]
    public async Task Post_WithoutSignature_Returns401(string provider)
    {
        // Arrange
        var @case = ProviderCases.Get(provider);
        await using var host = await StartAsync(@case, new HandlerProbe());
        var delivery = @case.Create(Payloads.NewId("evt_"));
        var unsigned = @case.Sign(delivery, Url(host, delivery)).Where(h => !@case.SignatureHeaders.Contains(h.Name));

        // Act
        using var response = await host.Client.SendAsync(Deliveries.Post(delivery.PathAndQuery, delivery.Body, delivery.ContentType, [.. delivery.Headers, .. unsigned]));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static Task<WebhookTestHost> StartAsync(ProviderCase @case, HandlerProbe probe) =>
        WebhookTestHost.StartAsync(@case.Configure, services => services.AddSingleton(probe));

    private static Uri Url(WebhookTestHost host, UnsignedDelivery delivery) => new(host.Client.BaseAddress!, delivery.PathAndQuery);

    private static UnsignedDelivery SignBody(ProviderCase @case, UnsignedDelivery delivery) => @case.SignBody?.Invoke(delivery) ?? delivery;

    private static HttpRequestMessage Signed(WebhookTestHost host, ProviderCase @case, string id)
    {
        var delivery = SignBody(@case, @case.Create(id));
        return Deliveries.Post(delivery.PathAndQuery, delivery.Body, delivery.ContentType, [.. delivery.Headers, .. @case.Sign(delivery, Url(host, delivery))]);
    }
}
