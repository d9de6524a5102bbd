using Microsoft.Playwright;
using WebhookKit.Dashboard.Tests.Infrastructure;

namespace WebhookKit.Dashboard.Tests;

/// <summary>The dashboard in real headless Chromium: it loads cleanly under its CSP, shows dead letters and replays them.</summary>
[Collection(ChromiumTests.Name)]
public sealed class DashboardBrowserTests(Chromium chromium)
{
    private static readonly LocatorAssertionsToHaveTextOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task Page_Loads_WithNoConsoleErrorAndNoCspViolation()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync();

        // Act
        await using var dashboard = await DashboardPage.OpenAsync(chromium.Browser, host.DashboardUrl);
        await Assertions.Expect(dashboard.Page.Locator("#title")).ToHaveTextAsync("Webhooks", Soon);
        await Assertions.Expect(dashboard.Page.Locator("#dead-letter-count")).ToHaveTextAsync("0", Soon);

        // Assert
        dashboard.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task FailingHandler_ShowsUnderDeadLetters_AndReplayRunsItOnce()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync();
        host.Handler.Fail = true;
        using var posted = await host.PostPushAsync("browser-dead-1");
        var failed = await host.Tracker.WaitForEventAsync("browser-dead-1", TimeSpan.FromSeconds(20));
        failed.DeadLetter.Should().NotBeNull();
        await using var dashboard = await DashboardPage.OpenAsync(chromium.Browser, host.DashboardUrl + "#dead-letters");
        var row = dashboard.Page.Locator($"#dead-letters-table tr[data-delivery-id='{failed.Delivery.DeliveryId}']");
        await Assertions.Expect(row).ToContainTextAsync("InvalidOperationException", new() { Timeout = 10_000 });
        await Assertions.Expect(row.Locator(".last-error")).ToContainTextAsync(SwitchablePushHandler.FailureMessage, new() { Timeout = 10_000 });

        // Act
        host.Handler.Fail = false;
        var replayed = host.Tracker.WaitForNextAsync("github", "browser-dead-1", TimeSpan.FromSeconds(20));
        await row.Locator("button.replay").ClickAsync();
        var finished = await replayed;

        // Assert
        finished.Handled.Should().BeTrue();
        host.Handler.Runs.Should().Be(2, "one failed attempt, one replay");
        await Assertions.Expect(dashboard.Page.Locator("#message")).ToHaveTextAsync($"Replayed {failed.Delivery.DeliveryId}", Soon);
        await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 10_000 });

        // The dead delivery's page links to its replay, and the replay's page names what it replays.
        finished.Delivery.DeliveryId.Should().NotBe(failed.Delivery.DeliveryId);
        await dashboard.Page.GotoAsync(host.DashboardUrl + "#delivery/" + failed.Delivery.DeliveryId);
        var replays = dashboard.Page.Locator("#delivery-replays");
        await Assertions.Expect(replays).ToContainTextAsync("Replayed", new() { Timeout = 10_000 });
        await Assertions.Expect(dashboard.Page.Locator("#delivery-facts")).ToContainTextAsync("github:browser-dead-1, github:~body:", new() { Timeout = 10_000 });
        await replays.Locator("a", new() { HasText = $"replayed as {finished.Delivery.DeliveryId}" }).ClickAsync();
        await Assertions.Expect(dashboard.Page.Locator("#delivery-facts")).ToContainTextAsync(failed.Delivery.DeliveryId, new() { Timeout = 10_000 });
        await Assertions.Expect(dashboard.Page.Locator("#delivery-facts")).ToContainTextAsync("handled", new() { Timeout = 10_000 });
        dashboard.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task SignedPost_AppearsInTheList_WithinTwoSeconds_WithoutReload()
    {
        // Arrange: the page is open and live before the delivery exists.
        await using var host = await DashboardHost.StartAsync();
        await using var dashboard = await DashboardPage.OpenAsync(chromium.Browser, host.DashboardUrl + "#deliveries");
        await Assertions.Expect(dashboard.Page.Locator("#live")).ToHaveTextAsync("live", Soon);
        var navigations = 0;
        dashboard.Page.FrameNavigated += (_, frame) => navigations += frame == dashboard.Page.MainFrame ? 1 : 0;

        // Act
        using var posted = await host.PostPushAsync("browser-live-1");

        // Assert
        var row = dashboard.Page.Locator("#deliveries-table tr[data-event-id='browser-live-1']");
        await Assertions.Expect(row).ToContainTextAsync("accepted", new() { Timeout = 2_000 });
        navigations.Should().Be(0, "the row came by Server-Sent Events, not by a reload");
        await Assertions.Expect(dashboard.Page.Locator("#overview-table tbody tr")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        dashboard.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task Overview_WithTraffic_IsCaptured()
    {
        // Arrange: a few deliveries, one of them failing, so the overview has something to show.
        await using var host = await DashboardHost.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            using var ok = await host.PostPushAsync($"shot-{i}", $"refs/heads/branch-{i}");
        }

        // Handled before the handler starts failing: a queued one would otherwise become a second dead letter.
        for (var i = 0; i < 5; i++)
        {
            await host.Tracker.WaitForEventAsync($"shot-{i}", TimeSpan.FromSeconds(20));
        }

        host.Handler.Fail = true;
        using var failing = await host.PostPushAsync("shot-failing", "refs/heads/failing");
        await host.Tracker.WaitForEventAsync("shot-failing", TimeSpan.FromSeconds(20));

        // Act
        await using var dashboard = await DashboardPage.OpenAsync(chromium.Browser, host.DashboardUrl);
        await dashboard.Page.SetViewportSizeAsync(1280, 640);
        await Assertions.Expect(dashboard.Page.Locator("#overview-table tbody tr")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(dashboard.Page.Locator("#dead-letter-count")).ToHaveTextAsync("1", Soon);
        var path = Path.Combine(AppContext.BaseDirectory, "dashboard-overview.png");
        var png = await dashboard.Page.ScreenshotAsync(new() { Path = path });

        // Assert: a PNG (docs/images/dashboard-overview.png is a copy of one).
        png.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        await Assertions.Expect(dashboard.Page.Locator("#overview-table tbody tr").First).ToContainTextAsync("push", new() { Timeout = 10_000 });
        dashboard.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task ReadOnly_ShowsNoReplayButton()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync(dashboard: o => o.ReadOnly = true);
        host.Handler.Fail = true;
        using var posted = await host.PostPushAsync("browser-readonly-1");
        await host.Tracker.WaitForEventAsync("browser-readonly-1", TimeSpan.FromSeconds(20));

        // Act
        await using var dashboard = await DashboardPage.OpenAsync(chromium.Browser, host.DashboardUrl + "#dead-letters");
        var row = dashboard.Page.Locator("#dead-letters-table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = 10_000 });

        // Assert
        await Assertions.Expect(row.Locator("button.replay")).ToBeHiddenAsync();
        dashboard.Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task UnderAPathBase_ThePageAndItsApiWork()
    {
        // Arrange
        await using var host = await DashboardHost.StartAsync(pathBase: "/ops");

        // Act
        await using var dashboard = await DashboardPage.OpenAsync(chromium.Browser, host.DashboardUrl);

        // Assert
        await Assertions.Expect(dashboard.Page.Locator("#dead-letter-count")).ToHaveTextAsync("0", Soon);
        dashboard.Problems.Should().BeEmpty();
    }
}
