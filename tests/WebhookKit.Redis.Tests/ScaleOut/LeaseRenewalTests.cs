using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

/// <summary>
/// Issue #15 row 2, durable mode: a handler that outlives <see cref="WebhookOptions.LeaseDuration"/>. The claim is
/// renewed with its stream entry, so the provider's redelivery meanwhile finds it in flight instead of expired.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class LeaseRenewalTests(RedisFixture redis)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HandlerRun = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Redeliver_PastTheLeaseWhileTheHandlerStillRuns_AnsweredWithoutASecondRun()
    {
        // Arrange: two instances, a 2 s lease, a visibility timeout shorter than it (as validated), a handler of 5 s.
        var prefix = RedisFixture.NewPrefix("lease");
        var probe = new SlowHandlerProbe();
        var options = new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix, VisibilityTimeout = TimeSpan.FromSeconds(1.5) };
        void Configure(WebApplicationBuilder builder)
        {
            builder.Services.AddSingleton(probe);
            builder.Services.AddWebhooks(o => o.LeaseDuration = Lease).AddHandler<SlowHandler>();
        }

        await using var first = await WebhookInstance.StartAsync(options, Configure);
        await using var second = await WebhookInstance.StartAsync(options, Configure);
        var eventId = "lease-" + Guid.NewGuid().ToString("N");

        // Act: the delivery, then at 2.8 s the provider's redelivery of it (same id, body and signature), past the first lease.
        var accepted = Stopwatch.StartNew();
        var delivered = await first.SendAsync(eventId);
        await Eventually.WaitUntilAsync(() => Task.FromResult(probe.Started == 1), "the handler runs");
        await Task.Delay(TimeSpan.FromSeconds(2.8) - accepted.Elapsed);
        var redelivered = await second.SendAsync(eventId);
        var runningAtRedelivery = probe.Running;
        var stream = $"{prefix}webhookkit:{{github:0}}:stream";
        await Eventually.WaitUntilAsync(
            async () => probe.Finished >= 1 && probe.Running == 0 && await redis.Server.Database.StreamLengthAsync(stream) == 0,
            "every accepted delivery is handled and acknowledged");

        // Assert
        delivered.Should().Be(HttpStatusCode.OK);
        redelivered.Should().Be(HttpStatusCode.OK, "a redelivery of an event in flight is acknowledged");
        runningAtRedelivery.Should().Be(1, "the redelivery arrived while the first run was still going");
        probe.MaxRunning.Should().Be(1, "the claim was renewed while the handler ran, so the redelivery was in flight");
        probe.Started.Should().Be(1);
        (await Handled.StartedAsync(redis.Server.Database, prefix))[eventId].Should().Be(1);
    }

    /// <summary>Counts the runs of <see cref="SlowHandler"/> across the instances of one test, and how many ran at once.</summary>
    public sealed class SlowHandlerProbe
    {
        private int _started;
        private int _finished;
        private int _running;
        private int _maxRunning;

        public int Started => Volatile.Read(ref _started);

        public int Finished => Volatile.Read(ref _finished);

        public int Running => Volatile.Read(ref _running);

        public int MaxRunning => Volatile.Read(ref _maxRunning);

        public void Enter()
        {
            Interlocked.Increment(ref _started);
            var running = Interlocked.Increment(ref _running);
            int max;
            while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
            {
            }
        }

        public void Exit()
        {
            Interlocked.Decrement(ref _running);
            Interlocked.Increment(ref _finished);
        }
    }

    /// <summary>A handler that runs for longer than the lease.</summary>
    public sealed class SlowHandler(SlowHandlerProbe probe) : IWebhookHandler<GitHubEvent>
    {
        public async Task HandleAsync(WebhookEvent<GitHubEvent> webhook, CancellationToken cancellationToken)
        {
            probe.Enter();
            try
            {
                await Task.Delay(HandlerRun, cancellationToken);
            }
            finally
            {
                probe.Exit();
            }
        }
    }
}
