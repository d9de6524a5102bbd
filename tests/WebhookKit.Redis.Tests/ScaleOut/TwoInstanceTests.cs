using System.Diagnostics;
using System.Net;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WebhookKit.Redis.Tests.ScaleOut;

/// <summary>Two receiver instances (each its own host and Kestrel) sharing one Redis, in durable mode.</summary>
[Collection(RedisTests.Name)]
public sealed class TwoInstanceTests(RedisFixture redis, ITestOutputHelper output)
{
    [Fact]
    public async Task Deliveries_TwentyPercentDuplicatesSentAlternatelyToTwoInstances_EachEventHandledExactlyOnce()
    {
        // Arrange
        var prefix = RedisFixture.NewPrefix("scale");
        var options = new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix };
        await using var first = await WebhookInstance.StartAsync(options);
        await using var second = await WebhookInstance.StartAsync(options);
        var eventIds = Load.WithDuplicates(Load.DeliveryCount, 0.2, "evt-");
        var unique = eventIds.Distinct().Count();
        var stopwatch = Stopwatch.StartNew();

        // Act
        var answers = await Load.SendAsync([first, second], eventIds);
        var sent = stopwatch.Elapsed;
        await Eventually.WaitUntilAsync(async () => await Handled.DistinctAsync(redis.Server.Database, prefix) == unique, $"all {unique} events are handled", TimeSpan.FromSeconds(60));
        var handledAt = stopwatch.Elapsed;
        output.WriteLine($"{eventIds.Count} deliveries ({unique} unique) sent in {sent.TotalSeconds:F1} s, all handled after {handledAt.TotalSeconds:F1} s");

        // Assert: every delivery answered 200; the effect, counted in Redis, is exactly one run per event.
        answers.Should().OnlyContain(answer => answer.Status == HttpStatusCode.OK);
        var handled = await Handled.CountsAsync(redis.Server.Database, prefix);
        handled.Should().HaveCount(unique);
        handled.Values.Should().OnlyContain(runs => runs == 1, "a duplicate must never run the handler again");
        var started = await Handled.StartedAsync(redis.Server.Database, prefix);
        started.Values.Should().OnlyContain(runs => runs == 1, "no delivery was handed to two consumers");
        await Eventually.WaitUntilAsync(async () => await redis.Server.Database.StreamLengthAsync($"{prefix}webhookkit:{{github:0}}:stream") == 0, "acknowledged entries are deleted from the stream");
    }

    [Fact]
    public async Task Deliveries_HundredConcurrentIdenticalAcrossTwoInstances_OneHandlerRun()
    {
        // Arrange
        var prefix = RedisFixture.NewPrefix("atomic");
        var options = new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix };
        await using var first = await WebhookInstance.StartAsync(options);
        await using var second = await WebhookInstance.StartAsync(options);
        var eventId = "same-" + Guid.NewGuid().ToString("N");

        // Act: all 100 in flight at once.
        var answers = await Load.SendAsync([first, second], Enumerable.Repeat(eventId, 100).ToList(), concurrency: 100);
        await Eventually.WaitUntilAsync(async () => await Handled.DistinctAsync(redis.Server.Database, prefix) == 1, "the event is handled");

        // Assert: one more delivery after handling is still a duplicate; exactly one run.
        (await first.SendAsync(eventId)).Should().Be(HttpStatusCode.OK);
        (await second.SendAsync(eventId)).Should().Be(HttpStatusCode.OK);
        answers.Should().OnlyContain(answer => answer.Status == HttpStatusCode.OK);
        (await Handled.StartedAsync(redis.Server.Database, prefix))[eventId].Should().Be(1);
        (await Handled.CountsAsync(redis.Server.Database, prefix))[eventId].Should().Be(1);
    }

    [Fact]
    public async Task Deliveries_FourPartitions_SpreadOverFourHashTaggedStreamsAndEachHandledOnce()
    {
        // Arrange
        var prefix = RedisFixture.NewPrefix("partitions");
        var options = new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix, Partitions = 4 };
        await using var first = await WebhookInstance.StartAsync(options);
        await using var second = await WebhookInstance.StartAsync(options);
        var eventIds = Load.WithDuplicates(400, 0.2, "part-");
        var unique = eventIds.Distinct().Count();

        // Act
        var answers = await Load.SendAsync([first, second], eventIds);
        await Eventually.WaitUntilAsync(async () => await Handled.DistinctAsync(redis.Server.Database, prefix) == unique, "all events are handled");

        // Assert: four partitions registered, each its own hash tag, claims under the same tag as their stream.
        answers.Should().OnlyContain(answer => answer.Status == HttpStatusCode.OK);
        (await Handled.CountsAsync(redis.Server.Database, prefix)).Values.Should().OnlyContain(runs => runs == 1);
        var partitions = (await redis.Server.Database.SetMembersAsync($"{prefix}webhookkit:partitions")).Select(m => (string)m!).Order().ToList();
        partitions.Should().Equal("github:0", "github:1", "github:2", "github:3");
        foreach (var partition in partitions)
        {
            (await redis.Server.Database.KeyExistsAsync($"{prefix}webhookkit:{{{partition}}}:stream")).Should().BeTrue();
        }

        var server = redis.Server.Database.Multiplexer.GetServers()[0];
        var claims = server.Keys(pattern: $"{prefix}webhookkit:{{github:*}}:claim:*", pageSize: 1000).Select(k => (string)k!).ToList();
        claims.Should().HaveCount(unique);
        claims.Select(k => k[(k.IndexOf('{', StringComparison.Ordinal) + 1)..k.IndexOf('}', StringComparison.Ordinal)]).Distinct().Should().HaveCount(4, "the claims spread over the four partitions");
    }
}
