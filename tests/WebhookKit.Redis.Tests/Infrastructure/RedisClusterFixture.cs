namespace WebhookKit.Redis.Tests.Infrastructure;

/// <summary>One three-master Redis Cluster shared by the tests of the collection; each test isolates its keys with its own prefix.</summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    private RedisCluster? _cluster;

    public RedisCluster Cluster => _cluster ?? throw new InvalidOperationException("The Redis Cluster fixture is not started.");

    public async Task InitializeAsync() => _cluster = await RedisCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

/// <summary>
/// The tests on a real Redis Cluster. Not run in parallel with other collections: they measure exactly-once delivery under a
/// slot migration and a crash, with timing of their own, on machines with two cores.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RedisClusterTests : ICollectionFixture<RedisClusterFixture>
{
    public const string Name = "redis-cluster";
}
