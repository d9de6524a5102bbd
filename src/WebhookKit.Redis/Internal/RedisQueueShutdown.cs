using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// After every hosted service stopped (so after the dispatcher drained its deliveries), sends the durable queue's
/// last acknowledgements to Redis within the shutdown timeout, so that a graceful stop leaves nothing it handled
/// pending for a takeover (which would run it again).
/// </summary>
internal sealed class RedisQueueShutdown(IOptions<RedisWebhookOptions> options, IServiceProvider services) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) =>
        options.Value.DurableQueue && services.GetService(typeof(RedisStreamWebhookQueue)) is RedisStreamWebhookQueue queue
            ? queue.FlushAcknowledgementsAsync(cancellationToken)
            : Task.CompletedTask;
}
