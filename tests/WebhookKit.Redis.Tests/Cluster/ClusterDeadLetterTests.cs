using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.Redis.TestHost;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Cluster;

/// <summary>Dead letters on a three-master Redis Cluster: each partition's dead-letter stream lives with its delivery stream.</summary>
[Collection(RedisClusterTests.Name)]
public sealed class ClusterDeadLetterTests(RedisClusterFixture redis)
{
    private const int Partitions = 6;

    [Fact]
    public async Task Handler_FailsOnEveryAttempt_DeliveriesOfEveryPartitionAreDeadLetteredListedAndTheirClaimsReleased()
    {
        // Arrange
        var cluster = redis.Cluster;
        var prefix = RedisFixture.NewPrefix("cluster-dead");
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = cluster.Configuration, Prefix = prefix, Partitions = Partitions, MaxAttempts = 2 });
        var store = instance.Services.GetRequiredService<IDeadLetterStore>();
        var eventIds = Enumerable.Range(0, 24).Select(static i => $"{RedisTestApp.FailingPrefix}{i}-{Guid.NewGuid():N}").ToList();

        // Act
        var answers = await Load.SendAsync([instance], eventIds);
        await Eventually.WaitUntilAsync(async () => (await store.ListAsync(100, CancellationToken.None)).Count == eventIds.Count, "every delivery is dead-lettered");

        // Assert: listed and found across the masters; each one's claim released, so that the provider's retry is processed.
        answers.Should().OnlyContain(static answer => answer.Status == HttpStatusCode.OK);
        var listed = await store.ListAsync(100, CancellationToken.None);
        listed.Select(static letter => letter.Delivery.EventId).Should().BeEquivalentTo(eventIds);
        listed.Should().OnlyContain(static letter => letter.Attempts == 2);
        foreach (var letter in listed)
        {
            (await store.GetAsync(letter.DeliveryId, CancellationToken.None))!.Delivery.EventId.Should().Be(letter.Delivery.EventId);
        }

        var mastersWithDeadLetters = Enumerable.Range(0, cluster.Nodes.Count).Count(node => cluster.KeysOn(node, $"{prefix}webhookkit:{{github:*}}:dead").Count > 0);
        mastersWithDeadLetters.Should().BeGreaterThan(1, "the dead-letter streams of the partitions live on several masters");
        await Eventually.WaitUntilAsync(
            () => Task.FromResult(Enumerable.Range(0, cluster.Nodes.Count).All(node => cluster.KeysOn(node, $"{prefix}webhookkit:{{github:*}}:claim:*").Count == 0)),
            "every dead letter's claim is released");
        (await instance.SendAsync(eventIds[0])).Should().Be(HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(async () => (await Handled.StartedAsync(cluster.Database, prefix))[eventIds[0]] == 4, "the provider's retry of a dead-lettered event runs its handler again");
    }

    [Fact]
    public async Task ReplayAsync_DeadLettersOfEveryPartition_EachIsHandledOnceAndLeavesTheStore()
    {
        // Arrange: dead letters of deliveries with a replay key (two claims, one script), spread over the partitions.
        var cluster = redis.Cluster;
        var prefix = RedisFixture.NewPrefix("cluster-replay");
        await using var instance = await WebhookInstance.StartAsync(new RedisTestAppOptions { Redis = cluster.Configuration, Prefix = prefix, Partitions = Partitions });
        var store = instance.Services.GetRequiredService<IDeadLetterStore>();
        var deliveries = Enumerable.Range(0, 24).Select(static i => RedisServices.Delivery($"replay-{i}-{Guid.NewGuid():N}", replayKey: RedisServices.ReplayKey())).ToList();
        foreach (var delivery in deliveries)
        {
            await store.AddAsync(new WebhookDeadLetter(delivery, DateTimeOffset.UtcNow, 3, "failed"), CancellationToken.None);
        }

        // Act
        var replayed = new List<DeadLetterReplayResult>();
        foreach (var delivery in deliveries)
        {
            replayed.Add(await store.ReplayAsync(delivery.DeliveryId, CancellationToken.None));
        }

        await Eventually.WaitUntilAsync(async () => await Handled.DistinctAsync(cluster.Database, prefix) == deliveries.Count, "every replayed delivery is handled");

        // Assert
        replayed.Should().OnlyContain(static result => result == DeadLetterReplayResult.Replayed);
        (await Handled.CountsAsync(cluster.Database, prefix)).Values.Should().OnlyContain(static runs => runs == 1);
        (await store.ListAsync(100, CancellationToken.None)).Should().BeEmpty();
        (await store.ReplayAsync(deliveries[0].DeliveryId, CancellationToken.None)).Should().Be(DeadLetterReplayResult.NotFound);
        var partitions = (await cluster.Database.SetMembersAsync($"{prefix}webhookkit:partitions")).Select(static member => (string)member!).ToList();
        partitions.Should().HaveCountGreaterThan(1);
        var masters = new HashSet<int>();
        foreach (var partition in partitions)
        {
            masters.Add(await cluster.OwnerOfAsync(cluster.Client.HashSlot($"{{{partition}}}")));
        }

        masters.Should().HaveCountGreaterThan(1, "the replays went into streams on several masters");
    }
}
