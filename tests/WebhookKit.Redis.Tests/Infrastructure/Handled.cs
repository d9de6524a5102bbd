using StackExchange.Redis;
using WebhookKit.Redis.TestHost;

namespace WebhookKit.Redis.Tests.Infrastructure;

/// <summary>Reads the handler's effect, counted in Redis per event id.</summary>
public static class Handled
{
    public static async Task<Dictionary<string, long>> CountsAsync(IDatabase database, string prefix) =>
        (await database.HashGetAllAsync(RedisTestApp.HandledKey(prefix))).ToDictionary(e => (string)e.Name!, e => (long)e.Value);

    public static async Task<Dictionary<string, long>> StartedAsync(IDatabase database, string prefix) =>
        (await database.HashGetAllAsync(RedisTestApp.StartedKey(prefix))).ToDictionary(e => (string)e.Name!, e => (long)e.Value);

    public static async Task<long> DistinctAsync(IDatabase database, string prefix) =>
        await database.HashLengthAsync(RedisTestApp.HandledKey(prefix));
}
