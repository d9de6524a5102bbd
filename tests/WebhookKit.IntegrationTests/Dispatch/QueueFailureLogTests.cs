using System.Net;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.IntegrationTests.Infrastructure;
using static WebhookKit.IntegrationTests.Dispatch.PoisonDeliveryFixtures;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>
/// A queue whose backend is unreachable (its claim-and-enqueue throws, as the Redis queue does when Redis is down) is
/// logged as unreachable, not as "Closed", which reads like a shutdown (issue 17, point 6).
/// </summary>
public sealed class QueueFailureLogTests
{
    [Fact]
    public async Task Post_ClaimingQueueThrows_Is503AndLoggedAsUnreachable()
    {
        // Arrange
        await using var host = await StartAsync(new HandlerProbe(), configureServices: services => services.AddSingleton<IWebhookQueue, UnreachableQueue>());

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        host.LogsWithEventId(13).Should().ContainSingle("the queue's failure is logged with its exception");
        var refused = host.LogsWithEventId(8).Should().ContainSingle().Subject;
        refused.Message.Should().Contain("the queue is unreachable").And.NotContain("Closed");
    }

    /// <summary>A queue whose backend cannot be reached: every call throws.</summary>
    private sealed class UnreachableQueue : IWebhookQueue, IClaimingWebhookQueue
    {
        public UnreachableQueue() => Capabilities = new() { ClaimAndEnqueue = this };

        public WebhookQueueCapabilities Capabilities { get; }

        public int Count => 0;

        public long Bytes => 0;

        public ValueTask<WebhookClaimAndEnqueueResult> TryClaimAndEnqueueAsync(WebhookDelivery delivery, TimeSpan lease, CancellationToken cancellationToken) =>
            throw new TimeoutException("the backend did not answer");

        public ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
            throw new TimeoutException("the backend did not answer");

        public async ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return null;
        }

        public ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void Close()
        {
        }
    }
}
