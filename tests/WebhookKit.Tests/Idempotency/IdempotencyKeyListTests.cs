using Microsoft.Extensions.Time.Testing;
using WebhookKit.Idempotency;

namespace WebhookKit.Tests.Idempotency;

/// <summary>
/// A delivery's key list carries what the in-memory store derived from it (digests, shards), so that its claim, renewal
/// and completion hash the keys once; what it carries must never leak into another store or change the answers.
/// </summary>
public sealed class IdempotencyKeyListTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void List_WithAndWithoutContentKey_ReadsLikeAnArray()
    {
        var one = new IdempotencyKeyList("r:1", null);
        var two = new IdempotencyKeyList("r:1", "r:~body:ab");

        one.Should().Equal("r:1");
        two.Should().Equal("r:1", "r:~body:ab");
        two[1].Should().Be("r:~body:ab");
        FluentActions.Invoking(() => one[1]).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task SameList_ClaimRenewCompleteThenAFreshList_AnswersAsWithPlainArrays()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        var keys = new IdempotencyKeyList("r:1", "r:~body:ab");

        (await store.TryClaimAsync(keys, "a", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
        keys.StoreState.Should().NotBeNull("the claim derived the keys' digests once, for the calls that follow");
        (await store.RenewAsync(keys, "a", Lease, default)).Should().BeTrue();
        await store.CompleteAsync(keys, "a", Retention, default);

        (await store.TryClaimAsync(["r:1"], "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate);
        (await store.TryClaimAsync(new IdempotencyKeyList("r:2", "r:~body:ab"), "c", Lease, default))
            .Should().Be(IdempotencyClaimStatus.Replay, "the body's key was completed for the first event");
    }

    [Fact]
    public async Task ListUsedWithOneStore_ThenWithAnother_IsClaimedInTheOtherStoreOnly()
    {
        // What the first store derived names its own shards: the second must not lock or read them.
        using var first = new InMemoryIdempotencyStore(_time);
        using var second = new InMemoryIdempotencyStore(_time);
        var keys = new IdempotencyKeyList("r:1", null);
        (await first.TryClaimAsync(keys, "a", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);

        (await second.TryClaimAsync(keys, "a", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
        (await second.TryClaimAsync(["r:1"], "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending);
        await second.ReleaseAsync(keys, "a", default);

        (await first.TryClaimAsync(["r:1"], "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending, "the release was the second store's");
        first.Count.Should().Be(1);
        second.Count.Should().Be(0);
    }
}
