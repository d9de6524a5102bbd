using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Testing;

/// <summary>The tracker on real Kestrel: waits keyed by receiver and delivery, and "the next handling" of an event.</summary>
public sealed class WebhookDeliveryTrackerTests
{
    private const string Secret = "tracker-github-secret";
    private const string OrgBSecret = "tracker-org-b-secret";
    private static readonly TimeSpan Timeout = HandlerProbe.DefaultTimeout;

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe) =>
        WebhookTestHost.StartAsync(
            webhooks =>
            {
                webhooks
                    .AddGitHub(o => o.Secrets.Add(Secret))
                    .AddGitHub("org-b", o => o.Secrets.Add(OrgBSecret))
                    .AddHandler<RecordingHandler<GitHubPushEvent>>();
                webhooks.Services.Configure<WebhookOptions>(o => o.MaxAttempts = 1);
            },
            services => services.AddSingleton(probe).AddWebhookTesting());

    [Fact]
    public async Task WaitForNextAsync_DeadLetterReplayedWithTheHandlerNowSucceeding_ReturnsTheSuccessfulHandling()
    {
        var failing = true;
        var probe = new HandlerProbe { Behavior = (_, _) => Volatile.Read(ref failing) ? throw new InvalidOperationException("down") : Task.CompletedTask };
        await using var host = await StartAsync(probe);
        var tracker = host.GetRequiredService<WebhookDeliveryTracker>();
        var id = Payloads.NewId();
        var first = tracker.WaitForNextAsync("github", id, Timeout);
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        var failed = await first;
        Volatile.Write(ref failing, false);

        var next = tracker.WaitForNextAsync("github", id, Timeout);
        var replay = await host.GetRequiredService<IDeadLetterStore>().ReplayAsync(failed.Delivery.DeliveryId, CancellationToken.None);
        var replayed = await next;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        failed.Handled.Should().BeFalse();
        replay.Should().Be(DeadLetterReplayResult.Replayed);
        replayed.Handled.Should().BeTrue();
        replayed.Delivery.EventId.Should().Be(id);
        replayed.Delivery.DeliveryId.Should().NotBe(failed.Delivery.DeliveryId);
        (await tracker.WaitForEventAsync("github", id, Timeout)).Should().BeSameAs(replayed, "the receiver-aware wait returns the latest finished delivery");
        (await tracker.WaitForEventAsync(id, Timeout)).Should().BeSameAs(replayed, "the event-id wait returns the latest finished delivery");
        tracker.GetDeliveries("github", id).Should().Equal(failed, replayed);
    }

    [Fact]
    public async Task WaitForEventAsync_SameEventIdOnTwoReceivers_TellsThemApart()
    {
        var probe = new HandlerProbe { Behavior = (call, _) => call.ReceiverName == "org-b" ? throw new InvalidOperationException("org-b is down") : Task.CompletedTask };
        await using var host = await StartAsync(probe);
        var tracker = host.GetRequiredService<WebhookDeliveryTracker>();
        var id = Payloads.NewId();

        using var toGitHub = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        var onGitHub = await tracker.WaitForEventAsync("github", id, Timeout);
        using var toOrgB = await host.Client.SendAsync(Deliveries.GitHub(OrgBSecret, id, receiver: "org-b"));
        var onOrgB = await tracker.WaitForEventAsync("org-b", id, Timeout);

        new[] { toGitHub.StatusCode, toOrgB.StatusCode }.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        onGitHub.Delivery.ReceiverName.Should().Be("github");
        onGitHub.Handled.Should().BeTrue();
        onOrgB.Delivery.ReceiverName.Should().Be("org-b");
        onOrgB.Handled.Should().BeFalse();
        onOrgB.DeadLetter!.Reason.Should().Contain("InvalidOperationException");
        (await tracker.WaitForEventAsync("GitHub", id, Timeout)).Should().BeSameAs(onGitHub, "receiver names ignore case, as the receiver registry does");
        (await tracker.WaitForEventAsync(id, Timeout)).Should().BeSameAs(onOrgB, "without a receiver the latest delivery of the event on any receiver is returned");
    }

    [Fact]
    public async Task WaitForNextAsync_EventAlreadyHandled_IgnoresTheEarlierHandling()
    {
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var tracker = host.GetRequiredService<WebhookDeliveryTracker>();
        var id = Payloads.NewId();
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await tracker.WaitForEventAsync("github", id, Timeout);

        var next = () => tracker.WaitForNextAsync("github", id, TimeSpan.FromMilliseconds(200));

        (await next.Should().ThrowAsync<TimeoutException>()).Which.Message.Should().Contain(id).And.Contain("after the wait began").And.Contain("github:" + id);
    }

    [Fact]
    public async Task WaitForNextAsync_OnOneReceiver_IsNotCompletedByTheSameEventOnAnother()
    {
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe);
        var tracker = host.GetRequiredService<WebhookDeliveryTracker>();
        var id = Payloads.NewId();
        var onOrgB = tracker.WaitForNextAsync("org-b", id, Timeout);
        var onGitHub = tracker.WaitForNextAsync("github", id, TimeSpan.FromMilliseconds(500));

        using var response = await host.Client.SendAsync(Deliveries.GitHub(OrgBSecret, id, receiver: "org-b"));

        (await onOrgB).Delivery.ReceiverName.Should().Be("org-b");
        await FluentActions.Awaiting(() => onGitHub).Should().ThrowAsync<TimeoutException>();
    }
}
