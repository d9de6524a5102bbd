using Microsoft.Extensions.Time.Testing;
using WebhookKit.Contracts;
using WebhookKit.Idempotency;

namespace WebhookKit.Tests.Idempotency;

/// <summary>The store contract on the in-memory store, with a fake clock and its sweep run as time passes.</summary>
public sealed class InMemoryIdempotencyStoreContractTests : IdempotencyStoreContract, IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly InMemoryIdempotencyStore _store;

    public InMemoryIdempotencyStoreContractTests() => _store = new InMemoryIdempotencyStore(_time);

    protected override IIdempotencyStore Store => _store;

    public void Dispose() => _store.Dispose();

    protected override Task ElapseAsync(TimeSpan time)
    {
        _time.Advance(time);
        _store.SweepExpired();
        return Task.CompletedTask;
    }
}
