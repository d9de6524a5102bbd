using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Contracts;
using WebhookKit.Idempotency;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Idempotency;

/// <summary>The store contract on the Redis store, against a real redis-server and its own TTLs.</summary>
[Collection(RedisTests.Name)]
public sealed class RedisIdempotencyStoreContractTests : IdempotencyStoreContract, IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public RedisIdempotencyStoreContractTests(RedisFixture redis)
    {
        _services = RedisServices.Build(redis.Server.Configuration, RedisFixture.NewPrefix("contract"));
        Store = _services.GetRequiredService<IIdempotencyStore>();
    }

    protected override IIdempotencyStore Store { get; }

    /// <summary>Gets a lease of Redis's real clock: a renewal after half of it came late on a loaded CI machine at 300 ms, and once at 1.2 s (four sessions on two cores).</summary>
    protected override TimeSpan ShortLease => TimeSpan.FromSeconds(3);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    protected override Task ElapseAsync(TimeSpan time) => Task.Delay(time);
}
