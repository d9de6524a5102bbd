using System.Text;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WebhookKit.Idempotency;

namespace WebhookKit.Tests.Idempotency;

/// <summary>The best-effort store over IDistributedCache with a delivery's key list: the event's key decides, a body claimed for another event is a replay.</summary>
public sealed class DistributedCacheIdempotencyStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly string ReplayKey = "github:\u001Fbody:0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task TryClaimAsync_RelabelledReplayOfACompletedDelivery_IsReplayAndLeavesTheNewIdUnclaimed()
    {
        // Arrange
        var store = new DistributedCacheIdempotencyStore(NewCache());
        await store.TryClaimAsync(["github:id-1", ReplayKey], "owner-1", Lease, CancellationToken.None);
        await store.CompleteAsync(["github:id-1", ReplayKey], "owner-1", TimeSpan.FromDays(1), CancellationToken.None);

        // Act
        var relabelled = await store.TryClaimAsync(["github:id-2", ReplayKey], "owner-2", Lease, CancellationToken.None);

        // Assert
        relabelled.Should().Be(IdempotencyClaimStatus.Replay);
        (await store.TryClaimAsync("github:id-2", "owner-3", Lease, CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Claimed, "a refused claim wrote none of its keys");
    }

    [Fact]
    public async Task TryClaimAsync_AnotherWriterTakesTheEventKeyMeanwhile_BacksOff()
    {
        // Arrange: a cache in which another instance writes the event's key right after this claim does.
        var cache = new RacingCache(NewCache(), "webhookkit:claim:github:id-1");
        var store = new DistributedCacheIdempotencyStore(cache);

        // Act
        var claim = await store.TryClaimAsync(["github:id-1", ReplayKey], "owner-1", Lease, CancellationToken.None);

        // Assert
        claim.Should().Be(IdempotencyClaimStatus.Pending);
        Encoding.UTF8.GetString((await cache.GetAsync("webhookkit:claim:github:id-1"))!).Should().Be("p:other-owner", "the other writer keeps the event");
    }

    [Fact]
    public async Task AddDistributedCacheIdempotency_OverTheMemoryDistributedCache_RecognisesPendingCompletedAndReleasedEvents()
    {
        // Arrange: any IDistributedCache will do; the core package needs no Redis for it.
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddDistributedMemoryCache();
        services.AddWebhooks().AddDistributedCacheIdempotency();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IIdempotencyStore>();
        store.Should().BeOfType<DistributedCacheIdempotencyStore>("it replaces the in-memory store");
        var key = $"github:{Guid.NewGuid()}";

        // Act
        var first = await store.TryClaimAsync(key, "owner-a", Lease, CancellationToken.None);
        var second = await store.TryClaimAsync(key, "owner-b", Lease, CancellationToken.None);
        await store.CompleteAsync(key, "owner-a", TimeSpan.FromDays(1), CancellationToken.None);
        var third = await store.TryClaimAsync(key, "owner-c", Lease, CancellationToken.None);
        var released = $"github:{Guid.NewGuid()}";
        await store.TryClaimAsync(released, "owner-a", Lease, CancellationToken.None);
        await store.ReleaseAsync(released, "owner-a", CancellationToken.None);

        // Assert
        first.Should().Be(IdempotencyClaimStatus.Claimed);
        second.Should().Be(IdempotencyClaimStatus.Pending);
        third.Should().Be(IdempotencyClaimStatus.Duplicate);
        (await store.TryClaimAsync(released, "owner-b", Lease, CancellationToken.None)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    private static MemoryDistributedCache NewCache() => new(Options.Create(new MemoryDistributedCacheOptions()));

    /// <summary>Overwrites <paramref name="contested"/> with another owner's claim right after each write of it.</summary>
    private sealed class RacingCache(IDistributedCache inner, string contested) : IDistributedCache
    {
        public byte[]? Get(string key) => inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => inner.GetAsync(key, token);

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(key, value, options);

        public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            await inner.SetAsync(key, value, options, token);
            if (key == contested)
            {
                await inner.SetAsync(key, Encoding.UTF8.GetBytes("p:other-owner"), options, token);
            }
        }
    }
}
