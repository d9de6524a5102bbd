using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.Idempotency;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Diagnostics;

public sealed class HealthCheckTests
{
    private const string Secret = "health-secret-0123456789";

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<WebhookOptions>? configure = null, Action<IServiceCollection>? services = null) =>
        WebhookTestHost.StartAsync(
            webhooks =>
            {
                webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>();
                webhooks.Services.Configure<WebhookOptions>(o =>
                {
                    o.RetryDelay = TimeSpan.FromMilliseconds(5);
                    configure?.Invoke(o);
                });
                webhooks.Services.AddHealthChecks().AddWebhookKit();
            },
            collection =>
            {
                collection.AddSingleton(probe);
                services?.Invoke(collection);
            });

    private static async Task<HealthReportEntry> CheckAsync(WebhookTestHost host) =>
        (await host.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["webhookkit"];

    [Fact]
    public async Task Check_IdleReceiver_IsHealthy()
    {
        await using var host = await StartAsync(new HandlerProbe());

        var entry = await CheckAsync(host);

        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Data["queue.depth"].Should().Be(0);
    }

    [Fact]
    public async Task Check_QueueMoreThanEightyPercentFull_IsDegraded()
    {
        var probe = new HandlerProbe();
        var release = new TaskCompletionSource();
        probe.Behavior = (_, token) => release.Task.WaitAsync(token);
        await using var host = await StartAsync(probe, o =>
        {
            o.QueueCapacity = 5;
            o.MaxConcurrency = 1;
        });
        for (var i = 0; i < 5; i++)
        {
            await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        }

        var entry = await CheckAsync(host);
        release.SetResult();

        entry.Status.Should().Be(HealthStatus.Degraded);
        entry.Description.Should().Contain("full");
    }

    [Fact]
    public async Task Check_AfterADeadLetter_IsDegradedForEveryCallerUntilTheWindowPassed()
    {
        // Arrange: a probe and a monitor poll the same endpoint; the first must not consume what the second should see.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var probe = new HandlerProbe { Behavior = (_, _) => throw new InvalidOperationException("always") };
        await using var host = await StartAsync(
            probe,
            o =>
            {
                o.MaxAttempts = 1;
                o.DeadLetterHealthWindow = TimeSpan.FromMinutes(10);
            },
            s => s.AddSingleton<TimeProvider>(time));
        var deadLetters = host.GetRequiredService<IDeadLetterStore>();

        // Act
        await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        await Eventually.WaitUntilAsync(async () => (await deadLetters.ListAsync(1, default)).Count == 1, "the delivery is dead-lettered");
        await Eventually.WaitUntilAsync(() => host.GetRequiredService<IWebhookQueue>().Count == 0, "the dead-lettered delivery is acknowledged");
        var first = await CheckAsync(host);
        var second = await CheckAsync(host);
        time.Advance(TimeSpan.FromMinutes(9));
        var withinTheWindow = await CheckAsync(host);
        time.Advance(TimeSpan.FromMinutes(2));
        var after = await CheckAsync(host);

        // Assert
        first.Status.Should().Be(HealthStatus.Degraded);
        first.Description.Should().Contain("Webhooks:DeadLetterHealthWindow");
        first.Data["dead_lettered.total"].Should().Be(1L);
        first.Data.Should().ContainKey("dead_lettered.last");
        second.Status.Should().Be(HealthStatus.Degraded, "every caller sees the same answer within the window");
        withinTheWindow.Status.Should().Be(HealthStatus.Degraded);
        after.Status.Should().Be(HealthStatus.Healthy, "no delivery was dead-lettered within the window");
    }

    [Fact]
    public async Task Check_IdempotencyStoreUnreachable_IsUnhealthy()
    {
        await using var host = await StartAsync(new HandlerProbe(), services: s => s.AddSingleton<IIdempotencyStore, UnreachableStore>());

        var entry = await CheckAsync(host);

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Contain("idempotency store");
        entry.Exception.Should().BeOfType<TimeoutException>();
    }

    private sealed class UnreachableStore : IIdempotencyStore
    {
        public ValueTask<IdempotencyClaimStatus> TryClaimAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken) => throw new TimeoutException("store down");

        public ValueTask CompleteAsync(IReadOnlyList<string> keys, string owner, TimeSpan retention, CancellationToken cancellationToken) => throw new TimeoutException("store down");

        public ValueTask ReleaseAsync(IReadOnlyList<string> keys, string owner, CancellationToken cancellationToken) => throw new TimeoutException("store down");

        public ValueTask<bool> RenewAsync(IReadOnlyList<string> keys, string owner, TimeSpan lease, CancellationToken cancellationToken) => throw new TimeoutException("store down");
    }
}
