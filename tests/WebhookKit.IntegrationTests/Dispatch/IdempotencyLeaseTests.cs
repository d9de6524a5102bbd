using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>
/// The idempotency key's life (docs/architecture.md, "Idempotency"): in flight under a lease, claimable again once the lease expires,
/// and a stale owner cannot complete a key that another delivery claimed since. Time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class IdempotencyLeaseTests
{
    private const string Secret = "lease-secret-7e3a";

    [Fact]
    public async Task Post_RedeliveryWhileLeaseHolds_IsDuplicate()
    {
        // Arrange
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new HandlerProbe { Behavior = (_, _) => release.Task };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(probe, time);
        var id = Payloads.NewId();
        try
        {
            using var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            await probe.WaitForAttemptsAsync(1);
            time.Advance(TimeSpan.FromSeconds(29));

            // Act
            using var redelivery = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

            // Assert
            redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
            host.LogsWithEventId(2).Should().ContainSingle().Which.Message.Should().Contain("InFlight");
        }
        finally
        {
            release.TrySetResult();
        }

        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_RedeliveryAfterLeaseExpired_IsAcceptedAgainAndOnlyNewOwnerCompletes()
    {
        // Arrange: the first delivery's handler hangs past its 30-second lease, and the clock jumps past it at once, so
        // that the renewal (every 10 s) comes too late: what a process paused for longer than its lease would see.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new HandlerProbe { Behavior = (_, _) => release.Task };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(probe, time);
        var id = Payloads.NewId();
        try
        {
            using var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            await probe.WaitForAttemptsAsync(1);
            time.Advance(TimeSpan.FromSeconds(31));

            // Act
            using var redelivery = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

            // Assert
            first.StatusCode.Should().Be(HttpStatusCode.OK);
            redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
            host.LogsWithEventId(1).Should().HaveCount(2, "an expired lease makes the key claimable again");
            host.LogsWithEventId(30).Should().ContainSingle("the renewal came after the lease ran out (the clock jumped 31 s at once), and says so");
            await probe.WaitForAttemptsAsync(2);
        }
        finally
        {
            release.TrySetResult();
        }

        await probe.WaitForCallsAsync(2);
        await host.WaitForQueueDrainAsync();

        // Both runs finished; the key is completed, so a third delivery is a duplicate.
        using var third = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        third.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().HaveCount(2);
        host.LogsWithEventId(2).Should().ContainSingle().Which.Message.Should().Contain("Duplicate");
    }

    [Fact]
    public async Task Post_RedeliveryAfterRetentionExpired_IsAcceptedAgain()
    {
        // Arrange
        var probe = new HandlerProbe();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(probe, time);
        var id = Payloads.NewId();
        using (var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id)))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await probe.WaitForAsync(id);
        await host.WaitForQueueDrainAsync();
        time.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));

        // Act
        using var afterRetention = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        afterRetention.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForCallsAsync(2);
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, FakeTimeProvider time) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
                services.Configure<WebhookOptions>(o =>
                {
                    // Short, so that advancing the fake clock past them stays well inside Kestrel's keep-alive timeout.
                    o.LeaseDuration = TimeSpan.FromSeconds(30);
                    o.RetentionDuration = TimeSpan.FromMinutes(1);
                });
            });
}
