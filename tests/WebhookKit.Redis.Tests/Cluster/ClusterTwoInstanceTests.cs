using System.Diagnostics;
using System.Net;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WebhookKit.Redis.Tests.Cluster;

/// <summary>Two receiver instances sharing a three-master Redis Cluster, in durable mode with six partitions.</summary>
[Collection(RedisClusterTests.Name)]
public sealed class ClusterTwoInstanceTests(RedisClusterFixture redis, ITestOutputHelper output)
{
    private const int Partitions = 6;

    [Fact]
    public async Task Deliveries_TwentyPercentDuplicatesSentAlternatelyToTwoInstances_EachEventHandledExactlyOnce()
    {
        // Arrange
        var cluster = redis.Cluster;
        var prefix = RedisFixture.NewPrefix("cluster-scale");
        var options = new RedisTestAppOptions { Redis = cluster.Configuration, Prefix = prefix, Partitions = Partitions };
        await using var first = await WebhookInstance.StartAsync(options);
        await using var second = await WebhookInstance.StartAsync(options);
        var eventIds = Load.WithDuplicates(Load.ClusterDeliveryCount, 0.2, "evt-");
        var unique = eventIds.Distinct().Count();
        var stopwatch = Stopwatch.StartNew();

        // Act
        var answers = await Load.SendAsync([first, second], eventIds);
        var sent = stopwatch.Elapsed;
        await Eventually.WaitUntilAsync(async () => await Handled.DistinctAsync(cluster.Database, prefix) == unique, $"all {unique} events are handled", TimeSpan.FromSeconds(60));
        output.WriteLine($"{eventIds.Count} deliveries ({unique} unique) sent in {sent.TotalSeconds:F1} s, all handled after {stopwatch.Elapsed.TotalSeconds:F1} s");

        // Assert: every delivery answered 200; exactly one run per event; every partition's stream emptied.
        answers.Should().OnlyContain(answer => answer.Status == HttpStatusCode.OK);
        var handled = await Handled.CountsAsync(cluster.Database, prefix);
        handled.Should().HaveCount(unique);
        handled.Values.Should().OnlyContain(runs => runs == 1, "a duplicate must never run the handler again");
        (await Handled.StartedAsync(cluster.Database, prefix)).Values.Should().OnlyContain(runs => runs == 1, "no delivery was handed to two consumers");
        for (var partition = 0; partition < Partitions; partition++)
        {
            var stream = $"{prefix}webhookkit:{{github:{partition}}}:stream";
            await Eventually.WaitUntilAsync(async () => await cluster.Database.StreamLengthAsync(stream) == 0, $"acknowledged entries are deleted from {stream}");
        }
    }

    [Fact]
    public async Task Deliveries_SixPartitions_TheirKeysLiveOnEveryMasterEachUnderItsPartitionsHashTag()
    {
        // Arrange
        var cluster = redis.Cluster;
        var prefix = RedisFixture.NewPrefix("cluster-spread");
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = cluster.Configuration, Prefix = prefix, Partitions = Partitions });
        var eventIds = Enumerable.Range(0, 300).Select(static i => $"spread-{i}").ToList();

        // Act
        var answers = await Load.SendAsync([instance], eventIds);
        await Eventually.WaitUntilAsync(async () => await Handled.DistinctAsync(cluster.Database, prefix) == eventIds.Count, "all events are handled");

        // Assert: asked master by master (SCAN on each node alone), each partition's keys are on one master, the one that
        // serves the slot of its hash tag, and the partitions are spread over more than one master.
        answers.Should().OnlyContain(answer => answer.Status == HttpStatusCode.OK);
        var mastersByPartition = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var claims = 0;
        for (var node = 0; node < cluster.Nodes.Count; node++)
        {
            foreach (var key in cluster.KeysOn(node, $"{prefix}webhookkit:{{github:*}}:*"))
            {
                var tag = key[(key.IndexOf('{', StringComparison.Ordinal) + 1)..key.IndexOf('}', StringComparison.Ordinal)];
                (mastersByPartition.TryGetValue(tag, out var masters) ? masters : mastersByPartition[tag] = []).Add(node);
                claims += key.Contains(":claim:", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        output.WriteLine(string.Join(", ", mastersByPartition.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => $"{p.Key} on master {string.Join('+', p.Value)}")));
        claims.Should().Be(eventIds.Count, "every event's claim is kept for the retention, under its partition");
        mastersByPartition.Keys.Should().BeEquivalentTo(Enumerable.Range(0, Partitions).Select(static p => $"github:{p}"));
        foreach (var (tag, masters) in mastersByPartition)
        {
            masters.Should().ContainSingle($"all keys of partition {tag} share its hash tag, so one slot");
            masters.Single().Should().Be(await cluster.OwnerOfAsync(cluster.Client.HashSlot($"{{{tag}}}")));
        }

        mastersByPartition.Values.Select(static masters => masters.Single()).Distinct().Should().HaveCountGreaterThan(1, "the partitions of one receiver spread over the masters");
    }
}
