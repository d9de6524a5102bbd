using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Cluster;

/// <summary>On a three-master Redis Cluster, an instance killed (SIGKILL, a separate process) while its handlers run; the other takes over.</summary>
[Collection(RedisClusterTests.Name)]
public sealed class ClusterCrashTests(RedisClusterFixture redis)
{
    private const int Partitions = 6;

    [Fact]
    public async Task Kill_InstanceWithHandlersRunning_OtherInstanceTakesOverEveryPartitionAndEveryAcceptedDeliveryIsHandled()
    {
        // Arrange: the victim's handlers take far longer than the test, so whatever it holds is in hand when it dies. It alone
        // receives and reads the first deliveries, so it holds entries of every partition: 90, fewer than its reader takes
        // before it waits for a quarter of its prefetch (128, the default for 8 handlers) to be free.
        var cluster = redis.Cluster;
        var prefix = RedisFixture.NewPrefix("cluster-crash");
        var visibility = TimeSpan.FromSeconds(2);
        await using var victim = await WebhookInstance.StartProcessAsync(cluster.Configuration, prefix, handlerDelay: TimeSpan.FromMinutes(5), visibility, Partitions);
        var before = Enumerable.Range(0, 90).Select(static i => $"before-{i}").ToList();
        var answers = (await Load.SendAsync([victim], before)).ToList();
        await Eventually.WaitUntilAsync(async () => await PendingAsync(cluster, prefix) == before.Count, "the victim read every delivery");
        await Eventually.WaitUntilAsync(
            async () => (await cluster.Database.HashValuesAsync(RedisTestApp.StartedByKey(prefix))).Any(processId => (int)processId != Environment.ProcessId),
            "the victim's handlers are running");
        // The survivor removes the victim's consumers once they own nothing and are idle for 2 seconds.
        await using var survivor = await WebhookInstance.StartAsync(
            new RedisTestAppOptions { Redis = cluster.Configuration, Prefix = prefix, VisibilityTimeout = visibility, Partitions = Partitions },
            static builder => builder.Services.Configure<RedisWebhookOptions>(static o =>
            {
                o.ConsumerName = "survivor";
                o.IdleConsumerTimeout = TimeSpan.FromSeconds(2);
            }));

        // Act: kill it mid-handler, and keep delivering to the survivor.
        await victim.KillAsync();
        var after = Enumerable.Range(0, 100).Select(static i => $"after-{i}").ToList();
        answers.AddRange(await Load.SendAsync([survivor], after));

        // Assert: every delivery that got a 200 is handled; the victim's were taken over, from partitions on several masters.
        var accepted = answers.Where(static answer => answer.Status == HttpStatusCode.OK).Select(static answer => answer.EventId).ToHashSet();
        accepted.Should().HaveCount(before.Count + after.Count, "both instances were running when they received them");
        await Eventually.WaitUntilAsync(
            async () => accepted.IsSubsetOf((await Handled.CountsAsync(cluster.Database, prefix)).Keys),
            "every accepted delivery is handled",
            TimeSpan.FromSeconds(60));
        var started = await Handled.StartedAsync(cluster.Database, prefix);
        var takenOver = started.Where(static pair => pair.Value >= 2).Select(static pair => pair.Key).ToList();
        takenOver.Should().NotBeEmpty("the victim's in-flight deliveries ran again on the survivor");
        var attempts = (await cluster.Database.HashGetAllAsync(RedisTestApp.AttemptKey(prefix))).ToDictionary(static e => (string)e.Name!, static e => (int)e.Value);
        takenOver.Should().OnlyContain(id => attempts[id] >= 2, "a taken-over delivery continues counting attempts");
        started.Where(static pair => pair.Key.StartsWith("before-", StringComparison.Ordinal) && pair.Value == 1).Should()
            .NotBeEmpty().And.OnlyContain(pair => attempts[pair.Key] == 1, "a delivery the victim read ahead and never started has used no attempt");
        (await Handled.CountsAsync(cluster.Database, prefix)).Values.Should().OnlyContain(static runs => runs == 1, "a handler that finished ran once");
        var takenOverPartitions = survivor.Services.GetFakeLogCollector().GetSnapshot()
            .Where(static record => record.Id.Id == 101)
            .Select(static record => (string)record.StructuredState!.Single(static pair => pair.Key == "Partition").Value!)
            .Distinct()
            .ToList();
        var masters = new HashSet<int>();
        foreach (var partition in takenOverPartitions)
        {
            masters.Add(await cluster.OwnerOfAsync(cluster.Client.HashSlot($"{{{partition}}}")));
        }

        takenOverPartitions.Should().HaveCount(Partitions, "the victim held entries of every partition");
        masters.Should().HaveCountGreaterThan(1, $"the survivor took over partitions served by several masters ({string.Join(", ", takenOverPartitions)})");
        await Eventually.WaitUntilAsync(
            async () =>
            {
                for (var partition = 0; partition < Partitions; partition++)
                {
                    var consumers = await cluster.Database.StreamConsumerInfoAsync($"{prefix}webhookkit:{{github:{partition}}}:stream", "webhookkit");
                    if (!consumers.Select(static consumer => consumer.Name).SequenceEqual(["survivor"]))
                    {
                        return false;
                    }
                }

                return true;
            },
            "the victim's consumer is removed from every partition's group");
    }

    /// <summary>The entries read and not acknowledged, over the partitions' streams.</summary>
    private static async Task<long> PendingAsync(RedisCluster cluster, string prefix)
    {
        long pending = 0;
        for (var partition = 0; partition < Partitions; partition++)
        {
            var stream = $"{prefix}webhookkit:{{github:{partition}}}:stream";
            if (await cluster.Database.KeyExistsAsync(stream))
            {
                pending += (await cluster.Database.StreamPendingAsync(stream, "webhookkit")).PendingMessageCount;
            }
        }

        return pending;
    }
}
