using Microsoft.Extensions.Time.Testing;
using WebhookKit.Idempotency;

namespace WebhookKit.Tests.Idempotency;

/// <summary>
/// A delivery's key list keeps its keys' digests, so that the in-memory store hashes them once for the claim, renewal and
/// completion; the answers must be those of plain arrays of the same keys.
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
    public void DigestOf_EachKey_IsTheDigestOfThatKey()
    {
        var keys = new IdempotencyKeyList("r:1", "r:~body:ab");

        keys.DigestOf(0).Should().Be(IdempotencyKeyList.Digest("r:1"));
        keys.DigestOf(1).Should().Be(IdempotencyKeyList.Digest("r:~body:ab"));
        keys.DigestOf(0).Should().NotBe(keys.DigestOf(1));
        FluentActions.Invoking(() => new IdempotencyKeyList("r:1", null).DigestOf(1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ListOfParts_ReadsAndDigestsAsTheKeysItIsMadeOf()
    {
        var digest = WebhookDelivery.CreateReplayDigest("push", [1, 2, 3], "{}"u8);
        var eventKey = WebhookDelivery.CreateIdempotencyKey("github", "ev-1");
        var contentKey = WebhookDelivery.CreateReplayKey("github", "push", [1, 2, 3], "{}"u8);

        var parts = IdempotencyKeyList.Of("github", "ev-1", digest);

        parts.Should().Equal(eventKey, contentKey);
        parts.ContentKey.Should().Be(contentKey);
        parts.DigestOf(0).Should().Be(IdempotencyKeyList.Digest(eventKey));
        parts.DigestOf(1).Should().Be(IdempotencyKeyList.Digest(contentKey));
        IdempotencyKeyList.Of("github", "ev-1", null).Should().Equal(eventKey);
        IdempotencyKeyList.Of("github", "ev-1", null).ContentKey.Should().BeNull();
    }

    [Fact]
    public void ListOfParts_LongReceiverAndEventId_DigestsAsTheKeys()
    {
        // Past the 256 characters written on the stack.
        var receiver = new string('r', 300);
        var eventId = new string('e', 400);
        var digest = WebhookDelivery.CreateReplayDigest("push", default, "{}"u8);

        var parts = IdempotencyKeyList.Of(receiver, eventId, digest);

        parts.DigestOf(0).Should().Be(IdempotencyKeyList.Digest(receiver + ":" + eventId));
        parts.DigestOf(1).Should().Be(IdempotencyKeyList.Digest(WebhookDelivery.CreateReplayKey(receiver, digest)));
    }

    [Fact]
    public async Task ListOfParts_AndListOfTheSameKeys_AreTheSameClaim()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        var digest = WebhookDelivery.CreateReplayDigest("push", [1, 2, 3], "{}"u8);
        var parts = IdempotencyKeyList.Of("github", "ev-1", digest);

        (await store.TryClaimAsync(parts, "a", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);

        (await store.TryClaimAsync(["github:ev-1"], "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending);
        (await store.TryClaimAsync(new IdempotencyKeyList("github:ev-2", parts[1]), "c", Lease, default)).Should().Be(IdempotencyClaimStatus.Replay, "the body's key is the same key");
    }

    [Fact]
    public async Task SameList_ClaimRenewCompleteThenAFreshList_AnswersAsWithPlainArrays()
    {
        using var store = new InMemoryIdempotencyStore(_time);
        var keys = new IdempotencyKeyList("r:1", "r:~body:ab");

        (await store.TryClaimAsync(keys, "a", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
        (await store.RenewAsync(keys, "a", Lease, default)).Should().BeTrue();
        await store.CompleteAsync(keys, "a", Retention, default);

        (await store.TryClaimAsync(["r:1"], "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate);
        (await store.TryClaimAsync(new IdempotencyKeyList("r:2", "r:~body:ab"), "c", Lease, default))
            .Should().Be(IdempotencyClaimStatus.Replay, "the body's key was completed for the first event");
    }

    [Fact]
    public async Task ListUsedWithOneStore_ThenWithAnother_IsClaimedInTheOtherStoreOnly()
    {
        // The digests the list keeps belong to the keys, not to a store.
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
