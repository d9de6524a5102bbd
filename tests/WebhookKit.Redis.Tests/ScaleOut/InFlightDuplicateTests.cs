using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

/// <summary>
/// Overlapping copies of one event while the queue is full (issue 15, row 1): with claims in Redis and the queue in
/// memory, 392 of 400 events once got a 200 for one copy and a 503 for another and were never handled, because a
/// duplicate of a claim not yet queued was answered 200. Now that duplicate gets 503, and every event that got a 200 is
/// handled exactly once. The durable queue claims and enqueues atomically and is run the same way.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class InFlightDuplicateTests(RedisFixture redis)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_EachEventThreeTimesAtOnceIntoAFullQueue_EveryEventThatGotA200IsHandledOnce(bool durableQueue)
    {
        // Arrange: a small queue and slow handlers, so that most copies find the queue full.
        var prefix = RedisFixture.NewPrefix(durableQueue ? "inflight-durable" : "inflight-claims");
        var options = new RedisTestAppOptions
        {
            Redis = redis.Server.Configuration,
            Prefix = prefix,
            DurableQueue = durableQueue,
            HandlerDelay = TimeSpan.FromMilliseconds(200),
            MaxConcurrency = 2,
            PrefetchCount = 4,
        };
        await using var instance = await WebhookInstance.StartAsync(options, builder => builder.Services.Configure<WebhookOptions>(o => o.QueueCapacity = 40));
        var ids = Enumerable.Range(0, 400).Select(i => $"inflight-{i}-{Guid.NewGuid():N}").ToArray();
        var answers = new ConcurrentDictionary<string, HttpStatusCode[]>();

        // Act
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) =>
        {
            answers[id] = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            {
                using var response = await instance.Client.SendAsync(RedisTestApp.Delivery(id));
                return response.StatusCode;
            }));
        });
        var accepted = ids.Where(id => answers[id].Contains(HttpStatusCode.OK)).ToHashSet();
        await Eventually.WaitUntilAsync(
            async () => (await Handled.CountsAsync(redis.Server.Database, prefix)).Count >= accepted.Count,
            "every event that got a 200 is handled",
            TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a second run, were there one

        // Assert
        accepted.Should().NotBeEmpty();
        accepted.Count.Should().BeLessThan(ids.Length, "the queue was full for most of the run");
        var handled = await Handled.CountsAsync(redis.Server.Database, prefix);
        handled.Keys.Should().BeEquivalentTo(accepted, "an event that got a 200 is handled, and nothing else is");
        handled.Values.Should().OnlyContain(count => count == 1);
    }
}
