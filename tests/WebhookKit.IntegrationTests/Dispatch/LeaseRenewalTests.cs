using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>
/// A claim is renewed while its delivery lives (issue 15, row 2): with a 2-second lease, a handler that runs 5 seconds, or
/// a retry that waits longer, does not let a redelivery run beside it. Real Kestrel, the in-memory queue and store;
/// the durable queue's counterpart is in the Redis tests.
/// </summary>
[Collection(TimingSensitiveTests.Name)]
public sealed class LeaseRenewalTests
{
    private const string Secret = "lease-renewal-secret-3f9d";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Post_RedeliveryAfterTheLeaseWhileTheHandlerRuns_IsInFlightAndDoesNotRunBesideIt()
    {
        // Arrange
        var running = 0;
        var maxRunning = 0;
        var probe = new HandlerProbe
        {
            Behavior = async (_, cancellationToken) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref maxRunning, now);
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                Interlocked.Decrement(ref running);
            },
        };
        await using var host = await StartAsync(probe);
        var id = Payloads.NewId();
        var body = Payloads.GitHubPush(id);
        using var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));
        await probe.WaitForAttemptsAsync(1);

        // Act
        await Task.Delay(TimeSpan.FromSeconds(2.8));
        using var redelivery = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));
        await probe.WaitForCallsAsync(1);
        await host.WaitForQueueDrainAsync();

        // Assert
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
        host.LogsWithEventId(2).Should().ContainSingle().Which.Message.Should().Contain("InFlight");
        probe.Attempts.Should().ContainSingle("the renewed claim kept the redelivery out");
        maxRunning.Should().Be(1);
        host.LogsWithEventId(30).Should().BeEmpty("no lease was lost");
    }

    [Fact]
    public async Task Post_RedeliveryWhileTheDeliveryWaitsForItsRetry_IsInFlightAndNotQueued()
    {
        // Arrange: the first attempt fails; its retry waits far longer than the lease (Polly's jittered backoff from a
        // one-day base). A fake clock, advanced in steps shorter than the renewal interval, as real time would pass.
        var probe = new HandlerProbe { Behavior = (_, _) => throw new InvalidOperationException("the attempt fails") };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(probe, o =>
        {
            o.RetryDelay = TimeSpan.FromDays(1);
            o.MaxRetryDelay = TimeSpan.FromDays(1);
        }, time);
        var id = Payloads.NewId();
        var body = Payloads.GitHubPush(id);
        using var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));
        await probe.WaitForAttemptsAsync(1);
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(20).Count > 0, "the first attempt failed: from here the delivery waits for its retry");

        // Act
        for (var step = 0; step < 28; step++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        using var redelivery = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));

        // Assert
        redelivery.StatusCode.Should().Be(HttpStatusCode.OK);
        host.LogsWithEventId(2).Should().ContainSingle().Which.Message.Should().Contain("InFlight");
        host.LogsWithEventId(1).Should().ContainSingle("only the first copy was queued");
        probe.Attempts.Should().ContainSingle("the retry still waits, and the redelivery did not run");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<WebhookOptions>? configure = null, TimeProvider? time = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                if (time is not null)
                {
                    services.Replace(ServiceDescriptor.Singleton(time));
                }

                services.Configure<WebhookOptions>(o =>
                {
                    o.LeaseDuration = Lease;
                    configure?.Invoke(o);
                });
            });
}
