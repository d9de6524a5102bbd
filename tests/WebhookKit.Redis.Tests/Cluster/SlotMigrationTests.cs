using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Testing;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace WebhookKit.Redis.Tests.Cluster;

/// <summary>A partition's slot moves to another master while two instances receive and handle deliveries in it.</summary>
[Collection(RedisClusterTests.Name)]
public sealed class SlotMigrationTests(RedisClusterFixture redis, ITestOutputHelper output)
{
    private const int Chunk = 200;

    [Fact]
    public async Task SlotMigration_DeliveriesWhileTheirSlotIsHalfMoved_AreSentAgainUntilItMovedAndAcceptedAndHandledOnce()
    {
        // Arrange: one partition, so every delivery is in the slot that moves; keys of handled events are in it already.
        var cluster = redis.Cluster;
        var prefix = RedisFixture.NewPrefix("half-moved");
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = cluster.Configuration, Prefix = prefix });
        var before = Enumerable.Range(0, 20).Select(static i => $"before-{i}").ToList();
        (await Load.SendAsync([instance], before)).Should().OnlyContain(static answer => answer.Status == HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(async () => await Handled.DistinctAsync(cluster.Database, prefix) == before.Count, "the first events are handled");
        var slot = cluster.Client.HashSlot("{github:0}");
        var to = (await cluster.OwnerOfAsync(slot) + 1) % cluster.Nodes.Count;
        var during = Enumerable.Range(0, 20).Select(static i => $"during-{i}").ToList();
        Task<(string EventId, HttpStatusCode Status)[]>? sending = null;

        // The slot also holds the claims other tests of the collection kept: it moves in about five batches, whatever it holds,
        // so that it is half moved for less than half a second, well within the library's retries (about two seconds).
        var keysPerBatch = Math.Max(5, await cluster.CountKeysInSlotAsync(slot) / 4);

        // Act: deliveries arrive once the first keys moved. Redis refuses their claim-and-append (EXECABORT: the body's SET
        // is redirected with ASK; TRYAGAIN: some keys moved, the new claim exists nowhere) until the slot has moved.
        var moved = await cluster.MigrateSlotAsync(slot, to, keysPerBatch, pause: TimeSpan.FromMilliseconds(10), halfway: async () =>
        {
            sending = Load.SendAsync([instance], during, concurrency: during.Count);
            await Task.Delay(250);
        });
        var answers = await sending!;

        // Assert: sent again until the slot moved, never answered 503; each handled once, on the new master.
        moved.Should().BeGreaterThanOrEqualTo(2 * before.Count, "the slot held the first events' claims and content keys");
        answers.Should().OnlyContain(static answer => answer.Status == HttpStatusCode.OK, "a delivery that a moving slot refused is sent again, not refused");
        await Eventually.WaitUntilAsync(async () => await Handled.DistinctAsync(cluster.Database, prefix) == before.Count + during.Count, "the events received mid-migration are handled");
        (await Handled.CountsAsync(cluster.Database, prefix)).Values.Should().OnlyContain(static runs => runs == 1);
        instance.Services.GetFakeLogCollector().GetSnapshot().Should().NotContain(static record => record.Level >= Microsoft.Extensions.Logging.LogLevel.Warning);
        cluster.KeysOn(to, $"{prefix}webhookkit:{{github:0}}:claim:during-*").Should().HaveCount(during.Count);
    }

    [Fact]
    public async Task SlotMigration_WhileTwoInstancesReceiveAndHandle_EveryAcceptedEventIsHandledExactlyOnce()
    {
        // Arrange: six partitions; partition github:0's slot (its stream, bodies, claims) is the one that moves.
        var cluster = redis.Cluster;
        var prefix = RedisFixture.NewPrefix("migrate");
        var options = new RedisTestAppOptions { Redis = cluster.Configuration, Prefix = prefix, Partitions = 6, VisibilityTimeout = TimeSpan.FromSeconds(3) };
        await using var first = await WebhookInstance.StartAsync(options);
        await using var second = await WebhookInstance.StartAsync(options);
        WebhookInstance[] instances = [first, second];
        var slot = cluster.Client.HashSlot("{github:0}");
        var from = await cluster.OwnerOfAsync(slot);
        var to = (from + 1) % cluster.Nodes.Count;
        var eventIds = Load.WithDuplicates(10 * Load.ClusterDeliveryCount, 0.2, "mig-");
        var answers = new List<(string EventId, HttpStatusCode Status)>();
        var stopwatch = Stopwatch.StartNew();

        // Act: deliveries go on, a chunk at a time, until the slot has moved (and at least the configured count was sent);
        // the keys move a few at a time, so the instances meet the slot half moved (ASK, TRYAGAIN) for a while.
        answers.AddRange(await Load.SendAsync(instances, eventIds[..Chunk], concurrency: 16));
        var migration = cluster.MigrateSlotAsync(slot, to, keysPerBatch: 10, pause: TimeSpan.FromMilliseconds(5));
        var duringMigration = 0;
        while ((!migration.IsCompleted || answers.Count < Load.ClusterDeliveryCount) && answers.Count + Chunk <= eventIds.Count)
        {
            var migrating = !migration.IsCompleted;
            var chunk = await Load.SendAsync(instances, eventIds.GetRange(answers.Count, Chunk), concurrency: 16);
            duringMigration += migrating ? chunk.Length : 0;
            answers.AddRange(chunk);
        }

        var moved = await migration;
        var migrated = stopwatch.Elapsed;

        // A provider retries what got no 200; so does the test, now that the slot is stable.
        var retried = answers.Where(static answer => answer.Status != HttpStatusCode.OK).Select(static answer => answer.EventId).Distinct().ToList();
        foreach (var eventId in retried)
        {
            await Eventually.WaitUntilAsync(async () => await instances[0].SendAsync(eventId) == HttpStatusCode.OK, $"a retry of {eventId} is accepted");
        }

        var unique = answers.Select(static answer => answer.EventId).Distinct().Count();
        await Eventually.WaitUntilAsync(async () => await Handled.DistinctAsync(cluster.Database, prefix) == unique, $"all {unique} events are handled", TimeSpan.FromSeconds(60));
        output.WriteLine($"{answers.Count} deliveries ({unique} unique), {duringMigration} of them during the migration of slot {slot} "
            + $"({moved} keys, master {from} to {to}), done after {migrated.TotalSeconds:F1} s; {retried.Count} not accepted at first: "
            + string.Join(", ", answers.Where(static a => a.Status != HttpStatusCode.OK).GroupBy(static a => a.Status).Select(static g => $"{g.Count()} × {(int)g.Key}")));
        foreach (var (name, instance) in new[] { ("first", first), ("second", second) })
        {
            var problems = instance.Services.GetFakeLogCollector().GetSnapshot().Where(static record => record.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).ToList();
            output.WriteLine($"{name}: {problems.Count} warnings or errors: " + string.Join(" | ", problems.GroupBy(static r => r.Id.Id).Select(static g => $"{g.Count()} × {g.Key} {g.First().Message} {g.First().Exception?.Message}")));
        }

        // Assert: the slot moved mid-load, keys and all; every accepted event ran its handler exactly once.
        (await cluster.OwnerOfAsync(slot)).Should().Be(to);
        moved.Should().BeGreaterThan(0);
        duringMigration.Should().BeGreaterThan(0, "deliveries were received while the slot was moving");
        cluster.KeysOn(to, $"{prefix}webhookkit:{{github:0}}:*").Should().NotBeEmpty("the partition's keys now live on the target master");
        var handled = await Handled.CountsAsync(cluster.Database, prefix);
        handled.Should().HaveCount(unique);
        handled.Values.Should().OnlyContain(runs => runs == 1, "an accepted event is handled exactly once, wherever its slot is");
        (await Handled.StartedAsync(cluster.Database, prefix)).Values.Should().OnlyContain(runs => runs == 1, "no delivery was handed to two consumers");
    }
}
