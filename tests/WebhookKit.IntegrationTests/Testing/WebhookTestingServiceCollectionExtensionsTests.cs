using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Testing;

namespace WebhookKit.IntegrationTests.Testing;

/// <summary>
/// AddWebhookTesting wraps the app's queue without hiding what the queue can do (issue 16, point 1): the wrapper
/// returns the inner queue's <see cref="WebhookQueueCapabilities"/>, from which alone the receive path and the health
/// check decide their path, so a test runs the path production runs. The Redis counterpart is in the Redis tests.
/// </summary>
public sealed class WebhookTestingServiceCollectionExtensionsTests
{
    /// <summary>A queue that claims and enqueues in one step, like the Redis Streams queue; it only counts calls.</summary>
    private sealed class ClaimingQueue : IWebhookQueue, IClaimingWebhookQueue
    {
        public ClaimingQueue() => Capabilities = new() { ClaimAndEnqueue = this };

        public WebhookQueueCapabilities Capabilities { get; }

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
        await queue.Capabilities.ClaimAndEnqueue!.TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(1), CancellationToken.None);

        queue.Should().NotBeSameAs(inner, "the tracker wraps the queue to learn when deliveries finish");
        queue.Capabilities.Should().BeSameAs(inner.Capabilities);
        inner.ClaimCalls.Should().Be(1);
    }

    [Fact]
    public async Task AddWebhookTesting_InMemoryQueue_KeepsItsCapabilitiesAndHandlesAsWithout()
    {
        // Arrange: the same app with and without the tracker.
        const string Secret = "plain-queue-secret-0123";
        var probe = new HandlerProbe();
        await using var plain = await WebhookTestHost.StartAsync(webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHub.GitHubPushEvent>>(), services => services.AddSingleton(probe));
        await using var tracked = await WebhookTestHost.StartAsync(webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHub.GitHubPushEvent>>(), services => services.AddSingleton(probe).AddWebhookTesting());
        var id = Payloads.NewId();

        // Act
        using var response = await tracked.Client.SendAsync(Deliveries.GitHub(Secret, id));
        var handled = await tracked.GetRequiredService<WebhookDeliveryTracker>().WaitForEventAsync(id, TimeSpan.FromSeconds(20));

        // Assert: the in-memory queue's capabilities (the pooled-buffer hand-off) come through the wrapper unchanged.
        tracked.GetRequiredService<IWebhookQueue>().Should().NotBeSameAs(plain.GetRequiredService<IWebhookQueue>());
        tracked.GetRequiredService<IWebhookQueue>().Capabilities.Should().BeSameAs(plain.GetRequiredService<IWebhookQueue>().Capabilities);
        tracked.GetRequiredService<IWebhookQueue>().Capabilities.ClaimAndEnqueue.Should().BeNull();
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        handled.Handled.Should().BeTrue();
    }
}
