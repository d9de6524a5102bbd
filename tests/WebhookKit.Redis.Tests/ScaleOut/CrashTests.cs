using System.Net;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.ScaleOut;

/// <summary>An instance killed (SIGKILL, a separate process) while its handlers run; the other instance takes over.</summary>
[Collection(RedisTests.Name)]
public sealed class CrashTests(RedisFixture redis)
{
    [Fact]
    public async Task Kill_InstanceWithHandlersRunning_OtherInstanceTakesOverAndEveryAcceptedDeliveryIsHandled()
    {
        // Arrange: the victim's handlers take far longer than the test, so whatever it holds is in hand when it dies.
        var prefix = RedisFixture.NewPrefix("crash");
        var visibility = TimeSpan.FromSeconds(2);
        await using var victim = await WebhookInstance.StartProcessAsync(redis.Server.Configuration, prefix, handlerDelay: TimeSpan.FromMinutes(5), visibility);
        await using var survivor = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = redis.Server.Configuration, Prefix = prefix, VisibilityTimeout = visibility });
        var before = Enumerable.Range(0, 200).Select(i => $"before-{i}").ToList();
        var answers = (await Load.SendAsync([victim, survivor], before)).ToList();
        // Started by the victim's process, not merely in progress somewhere: the survivor's handlers are in progress
        // too for a moment, and killing the victim before it started any would leave nothing to take over mid-handler.
        await Eventually.WaitUntilAsync(
            async () => (await redis.Server.Database.HashValuesAsync(RedisTestApp.StartedByKey(prefix))).Any(processId => (int)processId != Environment.ProcessId),
            "the victim's handlers are running");

        // Act: kill it mid-handler, and keep delivering to the survivor.
        await victim.KillAsync();
        var after = Enumerable.Range(0, 100).Select(i => $"after-{i}").ToList();
        answers.AddRange(await Load.SendAsync([survivor], after));

        // Assert: every delivery that got a 2xx is handled at least once; the victim's were taken over and kept counting attempts.
        var accepted = answers.Where(answer => answer.Status == HttpStatusCode.OK).Select(answer => answer.EventId).ToHashSet();
        accepted.Should().HaveCountGreaterThan(250);
        await Eventually.WaitUntilAsync(
            async () => accepted.IsSubsetOf((await Handled.CountsAsync(redis.Server.Database, prefix)).Keys),
            "every accepted delivery is handled",
            TimeSpan.FromSeconds(60));
        var started = await Handled.StartedAsync(redis.Server.Database, prefix);
        var takenOver = started.Where(pair => pair.Value >= 2).Select(pair => pair.Key).ToList();
        takenOver.Should().NotBeEmpty("the victim's in-flight deliveries ran again on the survivor");
        var attempts = (await redis.Server.Database.HashGetAllAsync(RedisTestApp.AttemptKey(prefix))).ToDictionary(e => (string)e.Name!, e => (int)e.Value);
        takenOver.Should().OnlyContain(id => attempts[id] >= 2, "a taken-over delivery continues counting attempts");
    }
}
