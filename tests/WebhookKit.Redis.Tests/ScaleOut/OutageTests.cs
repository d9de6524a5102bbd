using System.Collections.Concurrent;
using System.Net;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

/// <summary>redis-server stopped and restarted while deliveries keep coming.</summary>
public sealed class OutageTests
{
    [Fact]
    public async Task RedisStopped_ReceivePathAnswers503WithRetryAfter_ThenResumesByItselfAndLosesNothingAcknowledged()
    {
        // Arrange: a Redis of this test's own that fsyncs every write (it is killed, then restarted from its AOF).
        await using var server = await RedisServer.StartAsync(durable: true);
        var prefix = RedisFixture.NewPrefix("outage");
        var options = new RedisTestAppOptions
        {
            Redis = server.Configuration,
            Prefix = prefix,
            ShareMultiplexer = false, // WebhookKit's own multiplexer (fail fast while disconnected).
            MaxAttempts = 40,
            RetryDelay = TimeSpan.FromMilliseconds(200),
            MaxRetryDelay = TimeSpan.FromSeconds(1),
        };
        await using var first = await WebhookInstance.StartAsync(options);
        await using var second = await WebhookInstance.StartAsync(options);
        var answers = new ConcurrentQueue<(string EventId, HttpStatusCode Status, bool RetryAfter)>();
        using var stop = new CancellationTokenSource();
        var sender = Task.Run(async () =>
        {
            var instances = new[] { first, second };
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var eventId = $"outage-{i}";
                try
                {
                    using var response = await instances[i % 2].Client.SendAsync(RedisTestApp.Delivery(eventId));
                    answers.Enqueue((eventId, response.StatusCode, response.Headers.RetryAfter is not null));
                }
                catch (HttpRequestException)
                {
                    answers.Enqueue((eventId, 0, false));
                }
            }
        });

        // Act: stop Redis after some deliveries were accepted, wait for 503s, restart it, wait for 200s again.
        await Eventually.WaitUntilAsync(() => Task.FromResult(answers.Count(a => a.Status == HttpStatusCode.OK) >= 50), "deliveries are accepted");
        await server.KillAsync();
        var killedAt = answers.Count;
        await Eventually.WaitUntilAsync(() => Task.FromResult(answers.Skip(killedAt).Count(a => a.Status == HttpStatusCode.ServiceUnavailable) >= 5), "the receive path refuses deliveries while Redis is down");
        await server.RestartAsync();
        var restartedAt = answers.Count;
        await Eventually.WaitUntilAsync(() => Task.FromResult(answers.Skip(restartedAt).Count(a => a.Status == HttpStatusCode.OK) >= 50), "service resumes by itself", TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await sender;

        // Assert
        var all = answers.ToList();
        all.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).Should().OnlyContain(a => a.RetryAfter, "a 503 always tells when to retry");
        all.Should().OnlyContain(a => a.Status == HttpStatusCode.OK || a.Status == HttpStatusCode.ServiceUnavailable, "fail closed: never an error other than 503");
        var accepted = all.Where(a => a.Status == HttpStatusCode.OK).Select(a => a.EventId).ToHashSet();
        await Eventually.WaitUntilAsync(
            async () => accepted.IsSubsetOf((await Handled.CountsAsync(server.Database, prefix)).Keys),
            "every delivery acknowledged with 200 is handled",
            TimeSpan.FromSeconds(60));
    }
}
