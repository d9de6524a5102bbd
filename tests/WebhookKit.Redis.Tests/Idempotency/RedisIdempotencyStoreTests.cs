using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Idempotency;
using WebhookKit.Redis.Internal;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Idempotency;

[Collection(RedisTests.Name)]
public sealed class RedisIdempotencyStoreTests(RedisFixture redis)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    [Fact]
    public async Task TryClaimAsync_AbsentKey_ClaimsUnderTheLeaseTtl()
    {
        // Arrange
        var (store, prefix, services) = Create();
        await using var _ = services;
        var eventId = Guid.NewGuid().ToString();

        // Act
        var claim = await store.TryClaimAsync($"github:{eventId}", "owner-a", Lease, CancellationToken.None);

        // Assert
        claim.Should().Be(IdempotencyClaimStatus.Claimed);
        var key = ClaimKey(prefix, eventId);
        ((string?)await redis.Server.Database.StringGetAsync(key)).Should().Be("p:owner-a", "pending until the delivery is queued and the claim renewed");
        var ttl = await redis.Server.Database.KeyTimeToLiveAsync(key);
        ttl.Should().NotBeNull();
        ttl!.Value.Should().BeCloseTo(Lease, TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TryClaimAsync_ClaimedThenCompleted_AnswersInFlightThenDuplicateUnderTheRetentionTtl()
    {
        // Arrange
        var (store, prefix, services) = Create();
        await using var _ = services;
        var key = $"github:{Guid.NewGuid()}";
        await store.TryClaimAsync(key, "owner-a", Lease, CancellationToken.None);

        // Act
        var whileInFlight = await store.TryClaimAsync(key, "owner-b", Lease, CancellationToken.None);
        await store.CompleteAsync(key, "owner-a", Retention, CancellationToken.None);
        var afterCompletion = await store.TryClaimAsync(key, "owner-c", Lease, CancellationToken.None);

        // Assert
        whileInFlight.Should().Be(IdempotencyClaimStatus.Pending);
        afterCompletion.Should().Be(IdempotencyClaimStatus.Duplicate);
        var ttl = await redis.Server.Database.KeyTimeToLiveAsync(ClaimKey(prefix, key["github:".Length..]));
        ttl!.Value.Should().BeCloseTo(Retention, TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task CompleteAsync_AnotherOwner_LeavesTheClaimInFlight()
    {
        // Arrange
        var (store, _, services) = Create();
        await using var __ = services;
        var key = $"github:{Guid.NewGuid()}";
        await store.TryClaimAsync(key, "owner-a", Lease, CancellationToken.None);

        // Act
        await store.CompleteAsync(key, "stale-owner", Retention, CancellationToken.None);

        // Assert
        (await store.TryClaimAsync(key, "owner-b", Lease, CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Pending);
    }

    [Fact]
    public async Task ReleaseAsync_ByTheOwner_MakesTheKeyClaimableAgain()
    {
        // Arrange
        var (store, _, services) = Create();
        await using var __ = services;
        var key = $"github:{Guid.NewGuid()}";
        await store.TryClaimAsync(key, "owner-a", Lease, CancellationToken.None);

        // Act
        await store.ReleaseAsync(key, "owner-a", CancellationToken.None);

        // Assert
        (await store.TryClaimAsync(key, "owner-b", Lease, CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    [Fact]
    public async Task ReleaseAsync_ByAnotherOwnerOrAfterCompletion_LeavesTheKey()
    {
        // Arrange
        var (store, _, services) = Create();
        await using var __ = services;
        var inFlight = $"github:{Guid.NewGuid()}";
        var completed = $"github:{Guid.NewGuid()}";
        await store.TryClaimAsync(inFlight, "owner-a", Lease, CancellationToken.None);
        await store.TryClaimAsync(completed, "owner-a", Lease, CancellationToken.None);
        await store.CompleteAsync(completed, "owner-a", Retention, CancellationToken.None);

        // Act
        await store.ReleaseAsync(inFlight, "stale-owner", CancellationToken.None);
        await store.ReleaseAsync(completed, "owner-a", CancellationToken.None);

        // Assert
        (await store.TryClaimAsync(inFlight, "owner-b", Lease, CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Pending);
        (await store.TryClaimAsync(completed, "owner-b", Lease, CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Duplicate);
    }

    [Fact]
    public async Task TryClaimAsync_LeaseExpired_ClaimsAgain()
    {
        // Arrange
        var (store, _, services) = Create();
        await using var __ = services;
        var key = $"github:{Guid.NewGuid()}";
        await store.TryClaimAsync(key, "owner-a", TimeSpan.FromMilliseconds(100), CancellationToken.None);

        // Act + Assert: Redis expires the lease by itself.
        await Eventually.WaitUntilAsync(
            async () => await store.TryClaimAsync(key, "owner-b", Lease, CancellationToken.None) == IdempotencyClaimStatus.Claimed,
            "the expired lease makes the key claimable");
    }

    [Fact]
    public async Task TryClaimAsync_ManyConcurrentClaimersOnTwoStores_ExactlyOneWins()
    {
        // Arrange: two "instances" (separate service providers and multiplexers) sharing the same Redis.
        var prefix = RedisFixture.NewPrefix("claim-race");
        await using var first = RedisServices.Build(redis.Server.Configuration, prefix);
        await using var second = RedisServices.Build(redis.Server.Configuration, prefix);
        var stores = new[] { first.GetRequiredService<IIdempotencyStore>(), second.GetRequiredService<IIdempotencyStore>() };
        var key = $"github:{Guid.NewGuid()}";

        // Act
        var claims = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => stores[i % 2].TryClaimAsync(key, $"owner-{i}", Lease, CancellationToken.None).AsTask()));

        // Assert
        claims.Count(claim => claim == IdempotencyClaimStatus.Claimed).Should().Be(1);
    }

    [Fact]
    public async Task TryClaimAsync_RedisUnreachable_Throws()
    {
        // Arrange: a port nobody listens on. The app starts; the store fails fast instead of answering.
        await using var services = RedisServices.Build("127.0.0.1:1,connectTimeout=500", RedisFixture.NewPrefix("down"));
        var store = services.GetRequiredService<IIdempotencyStore>();

        // Act
        var claim = async () => await store.TryClaimAsync($"github:{Guid.NewGuid()}", "owner", Lease, CancellationToken.None);

        // Assert
        await claim.Should().ThrowAsync<StackExchange.Redis.RedisConnectionException>();
    }

    private (IIdempotencyStore Store, string Prefix, ServiceProvider Services) Create()
    {
        var prefix = RedisFixture.NewPrefix("store");
        var services = RedisServices.Build(redis.Server.Configuration, prefix);
        var store = services.GetRequiredService<IIdempotencyStore>();
        store.Should().BeOfType<RedisIdempotencyStore>();
        return (store, prefix, services);
    }

    private static string ClaimKey(string prefix, string eventId) => $"{prefix}webhookkit:{{github:0}}:claim:{eventId}";
}
