using Microsoft.Extensions.Time.Testing;
using WebhookKit.Idempotency;

namespace WebhookKit.Tests.Idempotency;

public sealed class InMemoryIdempotencyStoreTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-23T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task TryClaimAsync_NewKey_IsClaimedThenPending()
    {
        using var store = new InMemoryIdempotencyStore(_time);

        (await store.TryClaimAsync("r:1", "a", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
        (await store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending);
    }

    [Fact]
    public async Task CompleteAsync_ByOwner_MakesKeyDuplicateUntilRetentionEnds()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        await store.TryClaimAsync("r:1", "a", Lease, default);

        await store.CompleteAsync("r:1", "a", Retention, default);

        (await store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate);
        _time.Advance(Retention + TimeSpan.FromSeconds(1));
        (await store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    [Fact]
    public async Task ReleaseAsync_ByOwner_MakesKeyClaimableAgain()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        await store.TryClaimAsync("r:1", "a", Lease, default);

        await store.ReleaseAsync("r:1", "a", default);

        (await store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    [Fact]
    public async Task ExpiredLease_IsClaimableAndTheStaleOwnerCannotCompleteOrRelease()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        await store.TryClaimAsync("r:1", "stale", Lease, default);
        _time.Advance(Lease + TimeSpan.FromSeconds(1));

        (await store.TryClaimAsync("r:1", "fresh", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
        await store.ReleaseAsync("r:1", "stale", default);
        await store.CompleteAsync("r:1", "stale", Retention, default);

        (await store.TryClaimAsync("r:1", "third", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending, "the fresh claim still holds");
    }

    [Fact]
    public async Task TryClaimAsync_ManyConcurrentClaimers_ExactlyOneWins()
    {
        using var store = new InMemoryIdempotencyStore(_time);

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(async () => await store.TryClaimAsync("r:race", $"owner-{i}", Lease, default))));

        results.Count(r => r == IdempotencyClaimStatus.Claimed).Should().Be(1);
    }

    [Fact]
    public async Task ConcurrentClaimsOfAnExpiredKey_ExactlyOneWins()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        await store.TryClaimAsync("r:race", "old", Lease, default);
        _time.Advance(Lease + TimeSpan.FromSeconds(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(i =>
            Task.Run(async () => await store.TryClaimAsync("r:race", $"owner-{i}", Lease, default))));

        results.Count(r => r == IdempotencyClaimStatus.Claimed).Should().Be(1);
    }

    [Fact]
    public async Task Sweep_OnTimer_RemovesExpiredEntriesSoMemoryStaysBounded()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        for (var i = 0; i < 1000; i++)
        {
            await store.TryClaimAsync($"r:{i}", "a", Lease, default);
            await store.CompleteAsync($"r:{i}", "a", TimeSpan.FromMinutes(1), default);
        }

        await store.TryClaimAsync("r:live", "a", TimeSpan.FromHours(1), default);
        store.Count.Should().Be(1001);

        _time.Advance(TimeSpan.FromMinutes(2)); // fires the sweep timer

        store.Count.Should().Be(1);
    }

    [Fact]
    public async Task ManyKeys_AreToldApart_IncludingKeysThatDifferOnlyInCaseOrTheLastCharacter()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        var keys = Enumerable.Range(0, 20_000).Select(i => $"github:{i:x8}-delivery").Concat(["r:Abc", "r:abc", "r:abd", "r:ab"]).ToList();

        foreach (var key in keys)
        {
            (await store.TryClaimAsync(key, "a", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed, key);
            await store.CompleteAsync(key, "a", Retention, default);
        }

        store.Count.Should().Be(keys.Count);
        foreach (var key in keys)
        {
            (await store.TryClaimAsync(key, "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate, key);
        }
    }

    [Fact]
    public async Task CompleteAsync_WithAnUnboundedRetention_KeepsTheKeyInsteadOfOverflowing()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        await store.TryClaimAsync("r:1", "a", TimeSpan.MaxValue, default);
        (await store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending);

        await store.CompleteAsync("r:1", "a", TimeSpan.MaxValue, default);
        _time.Advance(Retention + TimeSpan.FromDays(1)); // past any bounded retention the tests use

        (await store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate);
    }

    [Fact]
    public async Task ReleaseAsync_OfAnotherKeyOrOwner_LeavesTheClaimAlone()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        await store.TryClaimAsync("r:1", "a", Lease, default);

        await store.ReleaseAsync("r:2", "a", default);
        await store.ReleaseAsync("r:1", "b", default);
        await store.CompleteAsync("r:1", "b", Retention, default);

        (await store.TryClaimAsync("r:1", "c", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending);
    }

    [Fact]
    public async Task Sweep_GivesBackTheRoomOfExpiredKeys()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        for (var i = 0; i < 100_000; i++)
        {
            await store.TryClaimAsync($"r:{i}", "a", Lease, default);
            await store.CompleteAsync($"r:{i}", "a", TimeSpan.FromSeconds(30), default);
        }

        var grown = store.Capacity;
        grown.Should().BeGreaterThanOrEqualTo(100_000);

        _time.Advance(TimeSpan.FromMinutes(1)); // fires the sweep timer

        store.Count.Should().Be(0);
        store.Capacity.Should().BeLessThan(grown / 4);
    }

    [Fact]
    public async Task NullKeyOrOwner_IsRejected()
    {
        using var store = new InMemoryIdempotencyStore(_time);

        await FluentActions.Awaiting(async () => await store.TryClaimAsync(null!, "a", Lease, default)).Should().ThrowAsync<ArgumentNullException>();
        await FluentActions.Awaiting(async () => await store.TryClaimAsync("r:1", null!, Lease, default)).Should().ThrowAsync<ArgumentNullException>();
    }
}
