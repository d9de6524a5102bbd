using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Testing;

/// <summary>AddWebhookTesting wraps the app's queue without hiding what the queue can do.</summary>
public sealed class WebhookTestingServiceCollectionExtensionsTests
{
    /// <summary>A queue that claims and enqueues in one step, like the Redis Streams queue; it only counts calls.</summary>
    private sealed class ClaimingQueue : IWebhookQueue, IClaimingWebhookQueue
    {
        public int ClaimCalls { get; private set; }

        public int Count => 0;

        public long Bytes => 0;

        public ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => ValueTask.FromResult(WebhookEnqueueResult.Enqueued);

        public ValueTask<WebhookClaimAndEnqueueResult> TryClaimAndEnqueueAsync(WebhookDelivery delivery, TimeSpan lease, CancellationToken cancellationToken)
        {
            ClaimCalls++;
            return ValueTask.FromResult(default(WebhookClaimAndEnqueueResult));
        }

        public ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken) => ValueTask.FromResult<WebhookDelivery?>(null);

        public ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void Close()
        {
        }
    }

    [Fact]
    public async Task AddWebhookTesting_ClaimingQueue_ForwardsClaimAndEnqueue()
    {
        var inner = new ClaimingQueue();
        var services = new ServiceCollection();
        services.AddSingleton<IWebhookQueue>(inner);
        services.AddWebhookTesting();
        await using var provider = services.BuildServiceProvider();
        var delivery = new WebhookDelivery("d-1", "github", "github", "push", "e-1", DateTimeOffset.UnixEpoch, ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, new Dictionary<string, string>());

        var queue = provider.GetRequiredService<IWebhookQueue>();
        await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(1), CancellationToken.None);

        queue.Should().BeAssignableTo<IClaimingWebhookQueue>();
        queue.Should().NotBeSameAs(inner, "the tracker wraps the queue to learn when deliveries finish");
        inner.ClaimCalls.Should().Be(1);
    }

    [Fact]
    public async Task AddWebhookTesting_PlainQueue_DoesNotClaimACapabilityItLacks()
    {
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks.AddGitHub(o => o.Secrets.Add("plain-queue-secret-0123")), services => services.AddWebhookTesting());

        var queue = host.GetRequiredService<IWebhookQueue>();

        queue.Should().NotBeAssignableTo<IClaimingWebhookQueue>();
    }
}
