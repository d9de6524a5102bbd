using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.IntegrationTests.Infrastructure;
using static WebhookKit.IntegrationTests.Dispatch.PoisonDeliveryFixtures;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>A dead-letter store or a queue that throws while a delivery is finished is logged, never the end of a worker.</summary>
public sealed class DispatcherStoreFailureTests
{
    [Fact]
    public async Task Post_DeadLetterStoreThrows_LoggedAndHostStillServes()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, configureServices: services => services.AddSingleton<IDeadLetterStore, ThrowingDeadLetterStore>());
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(PoisonDeployment(id));
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(44).Count == 1, "the store's failure is logged");
        // The dead-letter line follows the store's failure (Finish logs it after trying to store).
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(48).Count == 1, "the dead letter is logged");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        host.LogsWithEventId(44).Single().Message.Should().Contain(id);
        host.LogsWithEventId(48).Should().ContainSingle("the delivery still counts as dead-lettered (unread: no handler ran)");
        await host.WaitForQueueDrainAsync();
        await ShouldStillHandleAsync(host, probe);
    }

    [Fact]
    public async Task Post_QueueAcknowledgeThrows_LoggedAndWorkerGoesOn()
    {
        // Arrange: one worker and a queue whose acknowledgement throws every time.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, configureServices: services => services.AddSingleton<IWebhookQueue, AcknowledgeThrowsWebhookStore>());
        var first = Payloads.NewId("first-");

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, first));
        await probe.WaitForAsync(first);

        // Assert: the next delivery is handled by the same, only worker.
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await ShouldStillHandleAsync(host, probe);
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(45).Count == 2, "both failed acknowledgements are logged");
        host.LogsWithEventId(45)[0].Message.Should().Contain(first);
    }

    /// <summary>A dead-letter store that is down.</summary>
    public sealed class ThrowingDeadLetterStore : IDeadLetterStore
    {
        public ValueTask AddAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken) => throw new TimeoutException("the dead-letter store is down");

        public ValueTask<IReadOnlyList<WebhookDeadLetter>> ListAsync(int maxCount, CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<WebhookDeadLetter>>([]);

        public ValueTask<WebhookDeadLetter?> GetAsync(string deliveryId, CancellationToken cancellationToken) => ValueTask.FromResult<WebhookDeadLetter?>(null);

        public ValueTask<DeadLetterReplayResult> ReplayAsync(string deliveryId, CancellationToken cancellationToken) => ValueTask.FromResult(DeadLetterReplayResult.NotFound);

        public ValueTask<bool> DeleteAsync(string deliveryId, CancellationToken cancellationToken) => ValueTask.FromResult(false);
    }

    /// <summary>An unbounded queue whose acknowledgement always throws (a durable queue whose server went away).</summary>
    public sealed class AcknowledgeThrowsWebhookStore : IWebhookQueue
    {
        private readonly Channel<WebhookDelivery> _channel = Channel.CreateUnbounded<WebhookDelivery>();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public long Bytes => 0;

        public ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
        {
            if (!_channel.Writer.TryWrite(delivery))
            {
                return ValueTask.FromResult(WebhookEnqueueResult.Closed);
            }

            Interlocked.Increment(ref _count);
            return ValueTask.FromResult(WebhookEnqueueResult.Enqueued);
        }

        public async ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken)
        {
            try
            {
                return await _channel.Reader.ReadAsync(cancellationToken);
            }
            catch (ChannelClosedException)
            {
                return null;
            }
        }

        public ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref _count);
            throw new TimeoutException("the queue's server went away");
        }

        public void Close() => _channel.Writer.TryComplete();
    }
}
