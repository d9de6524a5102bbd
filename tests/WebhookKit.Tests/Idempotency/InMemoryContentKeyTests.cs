using Microsoft.Extensions.Time.Testing;
using WebhookKit.Idempotency;

namespace WebhookKit.Tests.Idempotency;

/// <summary>
/// What the in-memory store adds to the store contract (<c>tests/Shared/IdempotencyStoreContract.cs</c>) for content
/// keys: their retention, the lock order of keys in different shards, and many racing events over one body.
/// </summary>
public sealed class InMemoryContentKeyTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task TryClaimAsync_EventKeyHeld_ItsStateDecidesOverTheContentKey()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        await store.TryClaimAsync(["r:a", "r:body"], "owner-a", Lease, default);

        (await store.TryClaimAsync(["r:a", "r:body"], "owner-b", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending);
        await store.CompleteAsync(["r:a", "r:body"], "owner-a", Retention, default);
        (await store.TryClaimAsync(["r:a", "r:body"], "owner-b", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate);
        (await store.TryClaimAsync(["r:b", "r:body"], "owner-b", Lease, default)).Should().Be(IdempotencyClaimStatus.Replay);
    }

    [Fact]
    public async Task CompleteAsync_ContentKeyLivesForTheRetention()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        await store.TryClaimAsync(["r:a", "r:body"], "owner-a", Lease, default);
        await store.CompleteAsync(["r:a", "r:body"], "owner-a", Retention, default);

        _time.Advance(Retention - TimeSpan.FromSeconds(1));
        (await store.TryClaimAsync(["r:b", "r:body"], "owner-b", Lease, default)).Should().Be(IdempotencyClaimStatus.Replay);
        _time.Advance(TimeSpan.FromSeconds(2));
        (await store.TryClaimAsync(["r:b", "r:body"], "owner-b", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    [Fact]
    public async Task TryClaimAsync_ManyRacingEventsOverOneBody_ExactlyOneWins()
    {
        using var store = new InMemoryIdempotencyStore(_time);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
            await store.TryClaimAsync([$"r:{i}", "r:body"], $"owner-{i}", Lease, default))));

        results.Count(status => status == IdempotencyClaimStatus.Claimed).Should().Be(1);
        results.Count(status => status == IdempotencyClaimStatus.Replay).Should().Be(63);
    }

    [Fact]
    public async Task TryClaimAsync_KeysInDifferentShardsClaimedInOppositeOrders_DoNotDeadlock()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        var keys = Enumerable.Range(0, 200).Select(i => $"r:k{i}").ToArray();

        var claims = Enumerable.Range(0, 2000).Select(i => Task.Run(async () =>
        {
            var (a, b) = (keys[i % keys.Length], keys[(i * 7 + 3) % keys.Length]);
            var pair = i % 2 == 0 ? new[] { a, b } : [b, a];
            await store.TryClaimAsync(pair, $"o{i}", Lease, default);
            await store.ReleaseAsync(pair, $"o{i}", default);
        }));

        await Task.WhenAll(claims).WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task TryClaimAsync_NoKeys_Throws()
    {
        using var store = new InMemoryIdempotencyStore(_time);

        var claim = async () => await store.TryClaimAsync(Array.Empty<string>(), "o", Lease, default);

        await claim.Should().ThrowAsync<ArgumentException>();
    }
}
