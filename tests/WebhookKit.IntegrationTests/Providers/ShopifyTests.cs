using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Shopify;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Providers;

/// <summary>Shopify end to end on real Kestrel through the Testing helper: a signed order is handled once, retries included; another secret is refused.</summary>
public sealed class ShopifyTests
{
    private const string Secret = "shopify-e2e-client-secret-81b2";

    [Fact]
    public async Task Post_OrderFromTheTestingHelperAndItsRetry_IsHandledOnceWithTheTypedOrder()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var payload = Payloads.ReadText("shopify", "orders-create.json");

        // Act: Shopify retries with the same X-Shopify-Webhook-Id.
        using var first = await host.Client.PostShopifyWebhookAsync("orders/create", payload, Secret, webhookId: "b54557e4-helper-1");
        await probe.WaitForAsync("b54557e4-helper-1");
        using var retry = await host.Client.PostShopifyWebhookAsync("orders/create", payload, Secret, webhookId: "b54557e4-helper-1");
        await host.WaitForQueueDrainAsync();

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        retry.StatusCode.Should().Be(HttpStatusCode.OK);
        var call = probe.Attempts.Should().ContainSingle().Subject;
        call.EventType.Should().Be("orders/create");
        call.Payload.Should().BeOfType<ShopifyOrder>().Which.Id.Should().Be(820982911946154508);
    }

    [Fact]
    public async Task Post_FromTheTestingHelperWithoutAnId_GetsANewIdPerDelivery()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);

        // Act
        using var first = await host.Client.PostShopifyWebhookAsync("orders/updated", """{"id":1001}""", Secret);
        using var second = await host.Client.PostShopifyWebhookAsync("orders/updated", """{"id":1002}""", Secret);
        await probe.WaitForCallsAsync(2);

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        probe.Calls.Select(call => call.EventId).Should().OnlyHaveUniqueItems();
        probe.Calls.Should().OnlyContain(call => IsGuid(call.EventId));
    }

    [Fact]
    public async Task Post_FromTheTestingHelperWithAnotherSecret_Returns401AndRunsNoHandler()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);

        // Act
        using var response = await host.Client.PostShopifyWebhookAsync("orders/create", """{"id":1}""", "not-the-configured-client-secret");

        // Assert
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.ShouldNotLeak(problem, Secret);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().BeEmpty();
    }

    private static bool IsGuid(string value) => Guid.TryParse(value, out _);

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddShopify(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<ShopifyOrder>>(),
            services => services.AddSingleton(probe));
}
