namespace WebhookKit.Redis.Tests.Infrastructure;

/// <summary>One redis-server shared by the tests of the collection; each test isolates its keys with its own prefix.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("The Redis fixture is not started.");

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A key prefix (RedisCacheOptions.InstanceName) unique to one test.</summary>
    public static string NewPrefix(string name) => $"t:{name}:{Guid.NewGuid():N}:";
}

[CollectionDefinition(Name)]
public sealed class RedisTests : ICollectionFixture<RedisFixture>
{
    public const string Name = "redis";
}
