using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WebhookKit.Idempotency;

namespace WebhookKit.Tests.Idempotency;

/// <summary>
/// <see cref="ClaimLeaseRenewer"/> with the in-memory store and a fake clock advanced in steps shorter than its renewal
/// interval (a third of the lease), as real time passes.
/// </summary>
public sealed class ClaimLeaseRenewerTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(3);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly FakeLogger<ClaimLeaseRenewer> _logger = new();
    private readonly InMemoryIdempotencyStore _store;
    private readonly ClaimLeaseRenewer _renewer;

    public ClaimLeaseRenewerTests()
    {
        _store = new InMemoryIdempotencyStore(_time);
        _renewer = new ClaimLeaseRenewer(_store, _time, Options.Create(new WebhookOptions { LeaseDuration = Lease }), _logger);
    }

    [Fact]
    public async Task QueuedClaim_IsInFlightAndOutlivesManyLeases()
    {
        await _store.TryClaimAsync("r:1", "a", Lease, default);
        _renewer.Hold(Delivery("a"));

        _renewer.MarkQueued("a");
        Elapse(Lease * 4);

        (await _store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.InFlight);
        _logger.Collector.GetSnapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task HeldClaimNotYetQueued_IsNeitherMarkedQueuedNorRenewedByTheRounds()
    {
        await _store.TryClaimAsync("r:1", "a", Lease, default);
        _renewer.Hold(Delivery("a"));

        Elapse(Lease / 2);
        var whilePending = await _store.TryClaimAsync("r:1", "b", Lease, default);
        Elapse(Lease);

        whilePending.Should().Be(IdempotencyClaimStatus.Pending, "its enqueue may still fail");
        (await _store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed, "only queued claims are renewed");
    }

    [Fact]
    public async Task ForgottenClaim_RunsOutWithItsLeaseAndIsNotLoggedAsLost()
    {
        await _store.TryClaimAsync("r:1", "a", Lease, default);
        _renewer.Hold(Delivery("a"));
        _renewer.MarkQueued("a");

        _renewer.Forget("a");
        Elapse(Lease * 2);

        (await _store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
        _renewer.Count.Should().Be(0);
        _logger.Collector.GetSnapshot().Should().BeEmpty();
    }

    [Fact]
    public async Task ClaimGoneWhileStillHeld_IsLoggedAsLostOnceAndNoLongerRenewed()
    {
        await _store.TryClaimAsync("r:1", "a", Lease, default);
        _renewer.Hold(Delivery("a"));
        _renewer.MarkQueued("a");

        _time.Advance(Lease * 2); // One jump: the round comes after the lease ran out, as after a long pause.
        await _renewer.RenewAllAsync();

        _logger.Collector.GetSnapshot().Should().ContainSingle(record => record.Id.Id == 30).Which.Message.Should().Contain("delivery a");
        _renewer.Count.Should().Be(0);
        (await _store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed, "a renewal never takes an absent claim back");
    }

    [Fact]
    public async Task ReleasedClaim_IsNotTakenBackByARenewal()
    {
        await _store.TryClaimAsync("r:1", "a", Lease, default);
        _renewer.Hold(Delivery("a"));
        _renewer.MarkQueued("a");

        await _store.ReleaseAsync("r:1", "a", default); // A renewal round already under way, racing the dispatcher's release.
        await _renewer.RenewAllAsync();

        (await _store.TryClaimAsync("r:1", "b", Lease, default)).Should().Be(IdempotencyClaimStatus.Claimed);
    }

    public void Dispose()
    {
        _renewer.Dispose();
        _store.Dispose();
    }

    /// <summary>A delivery owned by <paramref name="deliveryId"/> of receiver <c>r</c>'s event <c>1</c>: its key is <c>r:1</c>.</summary>
    private WebhookDelivery Delivery(string deliveryId) =>
        new(deliveryId, "r", "github", "push", "1", _time.GetUtcNow(), "{}"u8.ToArray(), "{}"u8.ToArray(), new Dictionary<string, string>());

    private void Elapse(TimeSpan span)
    {
        var step = Lease / 10;
        for (var elapsed = TimeSpan.Zero; elapsed < span; elapsed += step)
        {
            _time.Advance(step);
        }
    }
}
