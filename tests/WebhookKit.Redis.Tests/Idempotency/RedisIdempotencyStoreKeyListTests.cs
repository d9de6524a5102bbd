using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Idempotency;
using WebhookKit.Redis.Internal;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Idempotency;

/// <summary>The keys of one delivery (its event id's and its replay key's) claimed, completed and released together.</summary>
[Collection(RedisTests.Name)]
public sealed class RedisIdempotencyStoreKeyListTests(RedisFixture redis)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    [Fact]
    public async Task TryClaimAsync_RelabelledReplay_IsReplayInFlightAndAfterCompletionAndClaimsNothing()
    {
        // Arrange: a delivery of an unsigned-id provider; then the same body under a new id, before and after it is handled.
        var prefix = RedisFixture.NewPrefix("relabel");
        await using var services = RedisServices.Build(redis.Server.Configuration, prefix);
        var store = services.GetRequiredService<IIdempotencyStore>();
        var replayKey = RedisServices.ReplayKey();
        string[] first = ["github:id-1", replayKey];
        string[] relabelled = ["github:id-2", replayKey];
        (await store.TryClaimAsync(first, "owner-1", Lease, CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Claimed);
        var whileInFlight = await store.TryClaimAsync(relabelled, "owner-2", Lease, CancellationToken.None);
        await store.CompleteAsync(first, "owner-1", Retention, CancellationToken.None);

        // Act
        var afterCompletion = await store.TryClaimAsync(relabelled, "owner-3", Lease, CancellationToken.None);

        // Assert
        whileInFlight.Should().Be(IdempotencyClaimStatus.Replay);
        afterCompletion.Should().Be(IdempotencyClaimStatus.Replay);
        var database = redis.Server.Database;
        ((string?)await database.StringGetAsync(Key(prefix, "claim:id-1"))).Should().Be("done:owner-1");
        ((string?)await database.StringGetAsync(Key(prefix, "replay:" + RedisKeyLayout.Digest(replayKey)))).Should().StartWith("e:", "a content key belongs to its event, not to a delivery");
        (await database.KeyTimeToLiveAsync(Key(prefix, "replay:" + RedisKeyLayout.Digest(replayKey)))).Should().BeGreaterThan(Lease, "it lives as long as the event's completed claim");
        (await database.KeyExistsAsync(Key(prefix, "claim:id-2"))).Should().BeFalse("a refused claim claims none of its keys");
    }

    [Fact]
    public async Task TryClaimAsync_EventKeyHeld_ItsStateDecidesOverTheContentKey()
    {
        // Arrange
        var (store, services) = Create();
        await using var _ = services;
        var replayKey = RedisServices.ReplayKey();
        await store.TryClaimAsync(["github:a", replayKey], "owner-a", Lease, CancellationToken.None);

        // Act
        var again = await store.TryClaimAsync(["github:a", replayKey], "owner-b", Lease, CancellationToken.None);
        await store.CompleteAsync(["github:a", replayKey], "owner-a", Retention, CancellationToken.None);
        var afterCompletion = await store.TryClaimAsync(["github:a", replayKey], "owner-c", Lease, CancellationToken.None);

        // Assert
        again.Should().Be(IdempotencyClaimStatus.Pending);
        afterCompletion.Should().Be(IdempotencyClaimStatus.Duplicate);
    }

    [Fact]
    public async Task ReleaseAsync_KeyList_ReleasesTheEventKeyAndKeepsTheBodyForItsEvent()
    {
        // Arrange: the dead-letter path.
        var (store, services) = Create();
        await using var _ = services;
        var replayKey = RedisServices.ReplayKey();
        await store.TryClaimAsync(["github:r-1", replayKey], "owner-a", Lease, CancellationToken.None);

        // Act
        await store.ReleaseAsync(["github:r-1", replayKey], "owner-a", CancellationToken.None);

        // Assert: a relabelled copy is still a replay; the provider's redelivery of the same event is accepted.
        (await store.TryClaimAsync(["github:r-2", replayKey], "owner-b", Lease, CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Replay);
        (await store.TryClaimAsync(["github:r-1", replayKey], "owner-c", Lease, CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    [Fact]
    public async Task TryClaimAsync_RacingClaimersOfOneBodyUnderManyIdsOnTwoStores_ExactlyOneClaimsAndTheOthersClaimNothing()
    {
        // Arrange: 100 relabelled copies of one body, half of them sharing event ids, on two instances; partitioned.
        var prefix = RedisFixture.NewPrefix("list-race");
        await using var first = RedisServices.Build(redis.Server.Configuration, prefix, o => o.Partitions = 8);
        await using var second = RedisServices.Build(redis.Server.Configuration, prefix, o => o.Partitions = 8);
        var stores = new[] { first.GetRequiredService<IIdempotencyStore>(), second.GetRequiredService<IIdempotencyStore>() };
        var replayKey = RedisServices.ReplayKey();

        // Act
        var claims = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            stores[i % 2].TryClaimAsync([$"github:race-{i / 2}", replayKey], $"owner-{i}", Lease, CancellationToken.None).AsTask()));

        // Assert: one winner; of its event ids, only the winner's is claimed (all or none), in the replay key's partition.
        claims.Count(claim => claim == IdempotencyClaimStatus.Claimed).Should().Be(1);
        var winner = Array.IndexOf(claims, IdempotencyClaimStatus.Claimed);
        var layout = new RedisKeyLayout(prefix, 8);
        var tag = layout.Tag("github", RedisKeyLayout.Digest(replayKey));
        var database = redis.Server.Database;
        for (var id = 0; id < 50; id++)
        {
            var value = (string?)await database.StringGetAsync(layout.Claim(tag, $"race-{id}"));
            value.Should().Be(id == winner / 2 ? $"p:owner-{winner}" : null);
        }

        ((string?)await database.StringGetAsync(layout.Replay(tag, replayKey))).Should().StartWith("e:");
        claims.Where((claim, i) => i / 2 != winner / 2).Should().OnlyContain(claim => claim == IdempotencyClaimStatus.Replay, "other events meet the winner's body");
    }

    [Fact]
    public void ClaimKeys_KeyListWithAReplayKey_PutsEveryKeyInTheReplayKeysPartitionWithABoundedKey()
    {
        // Arrange
        var layout = new RedisKeyLayout("p:", 64);
        var replayKey = RedisServices.ReplayKey(digest: "0123456789abcdef0123456789abcdef");
        var oversized = "github:\u001Fbody:" + new string('Z', 10_000);

        // Act
        var tag = layout.ClaimKeys(["github:some-id", replayKey], out var keys);
        var relabelledTag = layout.ClaimKeys(["github:other-id", replayKey], out _);
        layout.ClaimKeys(["github:x", oversized], out var oversizedKeys);

        // Assert
        relabelledTag.Should().Be(tag, "a relabelled replay meets the first delivery's claims in one slot");
        tag.Should().Be($"github:{layout.Partition("0123456789abcdef0123456789abcdef")}");
        ((string)keys[0]!).Should().Be($"p:webhookkit:{{{tag}}}:claim:some-id");
        ((string)keys[1]!).Should().Be($"p:webhookkit:{{{tag}}}:replay:0123456789abcdef0123456789abcdef");
        ((string)oversizedKeys[1]!).Length.Should().BeLessThan(100, "a replay key maps to its digest, never to its full text");
        var mixed = () => layout.ClaimKeys(["github:a", "gitlab:b"], out _);
        mixed.Should().Throw<ArgumentException>();
    }

    private (IIdempotencyStore Store, ServiceProvider Services) Create()
    {
        var services = RedisServices.Build(redis.Server.Configuration, RedisFixture.NewPrefix("list"));
        return (services.GetRequiredService<IIdempotencyStore>(), services);
    }

    private static string Key(string prefix, string suffix) => $"{prefix}webhookkit:{{github:0}}:{suffix}";
}
