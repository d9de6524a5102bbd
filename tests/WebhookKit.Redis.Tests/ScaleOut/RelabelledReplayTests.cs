using System.Net;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

/// <summary>
/// One captured GitHub delivery resent under new, unsigned delivery ids to two instances sharing Redis at once: the body
/// digest is claimed with the event id in one script, so the handler runs once, whichever instance gets which copy.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RelabelledReplayTests(RedisFixture redis)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Post_FiftyRelabelledCopiesAcrossTwoInstances_HandledOnce(bool durableQueue)
    {
        // Arrange
        var prefix = RedisFixture.NewPrefix(durableQueue ? "relabel-durable" : "relabel-claims");
        var options = new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix, DurableQueue = durableQueue };
        await using var first = await WebhookInstance.StartAsync(options);
        await using var second = await WebhookInstance.StartAsync(options);
        var captured = "captured-" + Guid.NewGuid().ToString("N");

        // Act: the genuine delivery and 49 relabelled copies, all at once, alternating between the instances.
        var copies = Enumerable.Range(0, 50).Select(i => i == 0 ? captured : $"relabelled-{i}-{Guid.NewGuid():N}").ToList();
        var answers = await Task.WhenAll(copies.Select((id, i) =>
            (i % 2 == 0 ? first : second).Client.SendAsync(RedisTestApp.Delivery(id, bodyOf: captured))));
        await Eventually.WaitUntilAsync(async () => (await Handled.CountsAsync(redis.Server.Database, prefix)).Count >= 1, "one copy is handled");
        await Task.Delay(TimeSpan.FromSeconds(1)); // room for a second run, were there one

        // Assert
        answers.Should().OnlyContain(answer => answer.StatusCode == HttpStatusCode.OK);
        var handled = await Handled.CountsAsync(redis.Server.Database, prefix);
        handled.Should().ContainSingle().Which.Value.Should().Be(1, "every other copy is a replay of the first one accepted");
    }
}
