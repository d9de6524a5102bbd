using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Contracts;
using WebhookKit.Idempotency;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Cluster;

/// <summary>
/// The store contract on the Redis store over a three-master Redis Cluster, six partitions: an event's claim and its
/// content key are claimed, renewed, completed and released together by one script, so they must share a slot.
/// </summary>
[Collection(RedisClusterTests.Name)]
public sealed class ClusterIdempotencyStoreContractTests : IdempotencyStoreContract, IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public ClusterIdempotencyStoreContractTests(RedisClusterFixture redis)
    {
        _services = RedisServices.Build(redis.Cluster.Configuration, RedisFixture.NewPrefix("cluster-contract"), static o => o.Partitions = 6);
        Store = _services.GetRequiredService<IIdempotencyStore>();
    }

    protected override IIdempotencyStore Store { get; }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    protected override Task ElapseAsync(TimeSpan time) => Task.Delay(time);
}
