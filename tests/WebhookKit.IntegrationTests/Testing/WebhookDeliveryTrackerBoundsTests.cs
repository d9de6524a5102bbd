using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Testing;

/// <summary>The tracker's memory stays bounded over a long test run, with small limits so the tests stay fast.</summary>
public sealed class WebhookDeliveryTrackerBoundsTests
{
    private static WebhookDelivery Delivery(string receiver, string eventId) =>
        new(Payloads.NewId(), receiver, "github", "push", eventId, DateTimeOffset.UnixEpoch, Encoding.UTF8.GetBytes("{}"), Encoding.UTF8.GetBytes("{}"), new Dictionary<string, string>());

    private static Task<WebhookTestHost> StartAsync() => WebhookTestHost.StartAsync(webhooks => webhooks.AddGitHub(o => o.Secrets.Add("tracker-bounds-secret-0123")));

    [Fact]
    public async Task OnFinishedAsync_ManyDeliveriesOfOneEvent_KeepsTheLastPerEventAndWaitsReturnTheLatest()
    {
        await using var host = await StartAsync();
        var tracker = new WebhookDeliveryTracker(host.Services, maxPerEvent: 2, maxEvents: 100, maxFinished: 3);
        var deliveries = Enumerable.Range(0, 5).Select(_ => Delivery("github", "evt-1")).ToList();

        foreach (var delivery in deliveries)
        {
            await tracker.OnFinishedAsync(delivery);
        }

        tracker.GetDeliveries("github", "evt-1").Select(d => d.Delivery).Should().Equal(deliveries[3], deliveries[4]);
        tracker.Finished.Select(d => d.Delivery).Should().Equal(deliveries[2], deliveries[3], deliveries[4]);
        (await tracker.WaitForEventAsync("evt-1", TimeSpan.FromSeconds(1))).Delivery.Should().BeSameAs(deliveries[4]);
    }

    [Fact]
    public async Task OnFinishedAsync_ManyEvents_ForgetsTheLeastRecentlyFinished()
    {
        await using var host = await StartAsync();
        var tracker = new WebhookDeliveryTracker(host.Services, maxPerEvent: 2, maxEvents: 4, maxFinished: 3);

        for (var i = 0; i < 50; i++)
        {
            await tracker.OnFinishedAsync(Delivery("github", "evt-" + i));
        }

        tracker.TrackedEventCount.Should().Be(4, "each event counts for its receiver and for waits without one");
        tracker.GetDeliveries("github", "evt-49").Should().ContainSingle();
        tracker.GetDeliveries("github", "evt-0").Should().BeEmpty();
    }

    [Fact]
    public async Task WaitForNextAsync_TimedOutOrCompleted_IsForgotten()
    {
        await using var host = await StartAsync();
        var tracker = new WebhookDeliveryTracker(host.Services, maxPerEvent: 2, maxEvents: 4, maxFinished: 3);
        using var cancelled = new CancellationTokenSource();

        var timedOut = () => tracker.WaitForNextAsync("github", "never", TimeSpan.FromMilliseconds(50));
        var cancelledWait = tracker.WaitForEventAsync("github", "cancelled", TimeSpan.FromSeconds(30), cancelled.Token);
        var completed = tracker.WaitForNextAsync("github", "evt-1", TimeSpan.FromSeconds(30));
        await cancelled.CancelAsync();
        await tracker.OnFinishedAsync(Delivery("github", "evt-1"));

        await timedOut.Should().ThrowAsync<TimeoutException>();
        await FluentActions.Awaiting(() => cancelledWait).Should().ThrowAsync<OperationCanceledException>();
        (await completed).Delivery.EventId.Should().Be("evt-1");
        tracker.TrackedEventCount.Should().Be(2, "only the finished event is kept, for its receiver and for any receiver");
    }
}
