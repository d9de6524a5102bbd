using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WebhookKit.Dashboard.Tests.Infrastructure;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Dashboard.Tests;

/// <summary>
/// Two instances behind one Redis (<c>AddRedis</c>, durable queue, the shared journal by default), in real headless
/// Chromium: a delivery one instance received shows, live, on the other's dashboard.
/// </summary>
[Collection(ChromiumTests.Name)]
public sealed class RedisJournalBrowserTests(Chromium chromium)
{
    [Fact]
    public async Task SignedPostToOneInstance_AppearsOnAnothersDashboard_WithoutReload()
    {
        // Arrange: instance B's page is open and live before instance A receives the delivery.
        await using var redis = await RedisServer.StartAsync();
        var prefix = $"dashboard:{Guid.NewGuid():N}:";
        void Redis(IWebhooksBuilder webhooks) => webhooks.AddRedis(o =>
        {
            o.Redis.Configuration = redis.Configuration;
            o.Redis.InstanceName = prefix;
            o.DurableQueue = true;
            o.PollInterval = TimeSpan.FromMilliseconds(20);
        });
        await using var a = await DashboardHost.StartAsync(webhooks: Redis);
        await using var b = await DashboardHost.StartAsync(webhooks: Redis);
        await using var dashboard = await DashboardPage.OpenAsync(chromium.Browser, b.DashboardUrl + "#deliveries");
        await Assertions.Expect(dashboard.Page.Locator("#live")).ToHaveTextAsync("live", new() { Timeout = 10_000 });
        var navigations = 0;
        dashboard.Page.FrameNavigated += (_, frame) => navigations += frame == dashboard.Page.MainFrame ? 1 : 0;

        // Act
        using var posted = await a.PostPushAsync("cross-instance-1");

        // Assert
        posted.StatusCode.Should().Be(HttpStatusCode.OK);
        var row = dashboard.Page.Locator("#deliveries-table tr[data-event-id='cross-instance-1']");
        await Assertions.Expect(row).ToContainTextAsync("accepted", new() { Timeout = 5_000 });
        navigations.Should().Be(0, "the row came by Server-Sent Events from the shared journal, not by a reload");
        await Assertions.Expect(dashboard.Page.Locator("#overview-table tbody tr")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        dashboard.Problems.Should().BeEmpty();
        b.App.Services.GetRequiredService<WebhookKit.Journal.IWebhookJournal>().Dropped.Should().Be(0);
    }
}
