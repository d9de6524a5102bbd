using FluentAssertions;
using WebhookKit.Idempotency;
using Xunit;

namespace WebhookKit.Contracts;

/// <summary>
/// The rules every <see cref="IIdempotencyStore"/> keeps (see its XML doc), run against each store WebhookKit ships:
/// this file is compiled into the unit tests (in-memory store, fake clock) and the Redis tests (real redis-server,
/// real clock). Keys are <c>{receiver}:{event id}</c> and content keys <c>{receiver}:\u001Fbody:{digest}</c>.
/// </summary>
public abstract class IdempotencyStoreContract
{
    /// <summary>
    /// Gets a lease short enough that a test can wait for it to run out on a real clock, and long enough that half of it
    /// is a safe margin for a renewal on a loaded machine (a store on a real clock may lengthen it).
    /// </summary>
    protected virtual TimeSpan ShortLease => TimeSpan.FromMilliseconds(300);

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(3);

    /// <summary>Gets the store under test; each test gets a fresh one (or a fresh key space).</summary>
    protected abstract IIdempotencyStore Store { get; }

    /// <summary>Lets <paramref name="time"/> pass, then does what the store does on its own meanwhile (the in-memory sweep).</summary>
    protected abstract Task ElapseAsync(TimeSpan time);

    [Fact]
    public async Task TryClaimAsync_NewKey_IsClaimedThenPendingUntilRenewedThenInFlight()
    {
        var key = NewKey();

        (await Store.TryClaimAsync(key, "a", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
        var beforeRenewal = await Store.TryClaimAsync(key, "b", Lease, default);
        (await Store.RenewAsync(key, "a", Lease, default)).Should().BeTrue();

        beforeRenewal.Should().Be(IdempotencyClaimStatus.Pending, "the first copy is not yet known to be queued");
        (await Store.TryClaimAsync(key, "b", Lease, default)).Should().Be(IdempotencyClaimStatus.InFlight);
    }

    [Fact]
    public async Task RenewAsync_KeepsTheClaimPastItsFirstLease()
    {
        var key = NewKey();
        await Store.TryClaimAsync(key, "a", ShortLease, default);

        for (var i = 0; i < 4; i++)
        {
            await ElapseAsync(ShortLease / 2);
            (await Store.RenewAsync(key, "a", ShortLease, default)).Should().BeTrue($"renewal {i} came within the lease");
        }

        (await Store.TryClaimAsync(key, "b", Lease, default)).Should().Be(IdempotencyClaimStatus.InFlight, "two leases have passed, but the owner renewed it");
    }

    [Fact]
    public async Task RenewAsync_ExtendsTheContentKeyWithItsEvent()
    {
        var (first, relabelled, body) = (NewKey(), NewKey(), NewContentKey());
        await Store.TryClaimAsync([first, body], "a", ShortLease, default);

        for (var i = 0; i < 4; i++)
        {
            await ElapseAsync(ShortLease / 2);
            await Store.RenewAsync([first, body], "a", ShortLease, default);
        }

        (await Store.TryClaimAsync([relabelled, body], "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Replay);
    }

    [Fact]
    public async Task RenewAsync_ByAnotherOwnerOrAfterCompletionReleaseOrExpiry_IsRefusedAndTakesNothing()
    {
        var (completed, released, expired, strangers) = (NewKey(), NewKey(), NewKey(), NewKey());
        await Store.TryClaimAsync(completed, "a", Lease, default);
        await Store.CompleteAsync(completed, "a", Retention, default);
        await Store.TryClaimAsync(released, "a", Lease, default);
        await Store.ReleaseAsync(released, "a", default);
        await Store.TryClaimAsync(expired, "a", ShortLease, default);
        await Store.TryClaimAsync(strangers, "a", Lease, default);
        await ElapseAsync(ShortLease * 2);

        (await Store.RenewAsync(completed, "a", Lease, default)).Should().BeFalse();
        (await Store.RenewAsync(released, "a", Lease, default)).Should().BeFalse();
        (await Store.RenewAsync(expired, "a", Lease, default)).Should().BeFalse();
        (await Store.RenewAsync(strangers, "b", Lease, default)).Should().BeFalse();

        (await Store.TryClaimAsync(completed, "c", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate);
        (await Store.TryClaimAsync(released, "c", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed, "a refused renewal does not take a released claim back");
        (await Store.TryClaimAsync(expired, "c", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
        (await Store.TryClaimAsync(strangers, "c", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending, "a stranger's renewal does not mark the owner's claim queued");
    }

    [Fact]
    public async Task CompleteAndRelease_OfAPendingClaim_WorkAsOfAQueuedOne()
    {
        var (completed, released) = (NewKey(), NewKey());
        await Store.TryClaimAsync(completed, "a", Lease, default);
        await Store.TryClaimAsync(released, "a", Lease, default);

        await Store.CompleteAsync(completed, "a", Retention, default);
        await Store.ReleaseAsync(released, "a", default);

        (await Store.TryClaimAsync(completed, "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate);
        (await Store.TryClaimAsync(released, "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    [Fact]
    public async Task CompleteAsync_ByOwner_MakesTheKeyADuplicate()
    {
        var key = NewKey();
        await Store.TryClaimAsync(key, "a", Lease, default);

        await Store.CompleteAsync(key, "a", Retention, default);

        (await Store.TryClaimAsync(key, "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate);
    }

    [Fact]
    public async Task ReleaseAsync_ByOwner_MakesTheKeyClaimableAndByAnotherOwnerDoesNot()
    {
        var key = NewKey();
        await Store.TryClaimAsync(key, "a", Lease, default);

        await Store.ReleaseAsync(key, "b", default);
        var afterStrangerRelease = await Store.TryClaimAsync(key, "c", Lease, default);
        await Store.ReleaseAsync(key, "a", default);

        afterStrangerRelease.Should().Be(IdempotencyClaimStatus.Pending);
        (await Store.TryClaimAsync(key, "c", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    [Fact]
    public async Task CompleteAsync_StaleOwnerAfterAnotherClaimed_LeavesTheNewClaimInFlight()
    {
        var key = NewKey();
        await Store.TryClaimAsync(key, "a", ShortLease, default);
        await ElapseAsync(ShortLease * 2);
        (await Store.TryClaimAsync(key, "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);

        await Store.CompleteAsync(key, "a", Retention, default);
        await Store.ReleaseAsync(key, "a", default);

        (await Store.TryClaimAsync(key, "c", Lease, default)).Should().Be(IdempotencyClaimStatus.Pending, "b still holds it");
    }

    [Fact]
    public async Task CompleteAsync_AfterTheLeaseRanOutAndNobodyClaimed_StillMarksTheEventHandled()
    {
        // The in-memory store's sweep used to remove the expired claim and then drop the completion.
        var key = NewKey();
        await Store.TryClaimAsync(key, "a", ShortLease, default);
        await ElapseAsync(ShortLease * 2);

        await Store.CompleteAsync(key, "a", Retention, default);

        (await Store.TryClaimAsync(key, "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Duplicate);
    }

    [Fact]
    public async Task TryClaimAsync_ContentKeyOfAnotherEvent_IsReplayBeforeAndAfterCompletionAndClaimsNothing()
    {
        var (first, relabelled, body) = (NewKey(), NewKey(), NewContentKey());
        await Store.TryClaimAsync([first, body], "a", Lease, default);

        var whileInFlight = await Store.TryClaimAsync([relabelled, body], "b", Lease, default);
        await Store.CompleteAsync([first, body], "a", Retention, default);
        var afterCompletion = await Store.TryClaimAsync([relabelled, body], "c", Lease, default);

        whileInFlight.Should().Be(IdempotencyClaimStatus.Replay);
        afterCompletion.Should().Be(IdempotencyClaimStatus.Replay);
        (await Store.TryClaimAsync(relabelled, "d", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed, "a refused claim took none of its keys");
    }

    [Fact]
    public async Task ReleaseAsync_KeepsTheContentKeyForItsEvent()
    {
        var (first, relabelled, body) = (NewKey(), NewKey(), NewContentKey());
        await Store.TryClaimAsync([first, body], "a", Lease, default);

        await Store.ReleaseAsync([first, body], "a", default);

        (await Store.TryClaimAsync([relabelled, body], "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Replay);
        (await Store.TryClaimAsync([first, body], "c", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed, "the event's own redelivery is accepted");
    }

    [Fact]
    public async Task TryClaimAsync_RacingClaimsOfOneKey_ExactlyOneWins()
    {
        var key = NewKey();

        var claims = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () => await Store.TryClaimAsync(key, $"o{i}", Lease, default))));

        claims.Count(claim => claim == IdempotencyClaimStatus.Claimed).Should().Be(1);
    }

    private static string NewKey() => "github:" + Guid.NewGuid().ToString("N");

    private static string NewContentKey() => "github:\u001Fbody:" + Guid.NewGuid().ToString("N");
}
