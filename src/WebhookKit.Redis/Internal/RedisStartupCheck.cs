using Microsoft.Extensions.Hosting;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// At startup, warns when Redis may evict WebhookKit's keys (<see cref="RedisServerHealth.WarnIfEvictingAsync"/>), in
/// the background: the app does not wait for Redis to start.
/// </summary>
internal sealed class RedisStartupCheck(RedisServerHealth health) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(health.WarnIfEvictingAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
