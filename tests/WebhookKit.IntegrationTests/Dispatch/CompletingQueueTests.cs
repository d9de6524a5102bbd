using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.IntegrationTests.Infrastructure;
using static WebhookKit.IntegrationTests.Dispatch.PoisonDeliveryFixtures;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>
/// A queue that keeps its deliveries' claims (<see cref="WebhookQueueCapabilities.CompleteAndAcknowledge"/>, issue 16,
/// point 4): the dispatcher finishes a handled delivery with its one operation, not with the store's completion and an
/// acknowledgement, and hands it a delivery whose dead letter could not be stored, instead of acknowledging it.
/// </summary>
public sealed class CompletingQueueTests
{
    [Fact]
    public async Task Post_Handled_IsCompletedAndAcknowledgedByTheQueueInOneOperation()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, configureServices: services => services.AddSingleton<IWebhookQueue, CompletingQueue>());
        var queue = (CompletingQueue)host.GetRequiredService<IWebhookQueue>();
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await Eventually.WaitUntilAsync(() => !queue.Completed.IsEmpty, "the queue completes the delivery");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        queue.Completed.Should().ContainSingle().Which.Should().Be((id, TimeSpan.FromDays(3)));
        queue.Acknowledged.Should().BeEmpty("completing is the acknowledgement");
        var claim = await host.GetRequiredService<IIdempotencyStore>().TryClaimAsync(["github:" + id], "another", TimeSpan.FromMinutes(1), CancellationToken.None);
        claim.Should().Be(IdempotencyClaimStatus.InFlight, "the store was not asked to complete it: the queue keeps its claims");
    }

    [Fact]
    public async Task Post_DeadLetterStoreThrows_TheQueueKeepsTheDeliveryForATakeoverWithItsAttempts()
    {
        // Arrange: a handler that fails both attempts.
        var probe = new HandlerProbe { Behavior = (_, _) => throw new InvalidOperationException("the handler fails") };
        await using var host = await StartAsync(probe, maxAttempts: 2, configureServices: services => services
            .AddSingleton<IWebhookQueue, CompletingQueue>()
            .AddSingleton<IDeadLetterStore, DispatcherStoreFailureTests.ThrowingDeadLetterStore>());
        var queue = (CompletingQueue)host.GetRequiredService<IWebhookQueue>();
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await Eventually.WaitUntilAsync(() => !queue.Kept.IsEmpty, "the queue keeps the delivery");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        queue.Kept.Should().ContainSingle().Which.Should().Be((id, 2));
        queue.Acknowledged.Should().BeEmpty("a delivery kept for a takeover is not acknowledged");
        queue.Completed.Should().BeEmpty();
    }

    [Fact]
    public async Task StopAsync_AfterTheWorkersStopped_FlushesTheQueuesBackgroundCompletionsOnce()
    {
        // Arrange: a durable queue finishes completions in the background; a graceful stop must send them, or a
        // takeover runs those deliveries again.
        var probe = new HandlerProbe();
        var host = await StartAsync(probe, configureServices: services => services.AddSingleton<IWebhookQueue, CompletingQueue>());
        var queue = (CompletingQueue)host.GetRequiredService<IWebhookQueue>();
        using (var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId())))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Eventually.WaitUntilAsync(() => !queue.Completed.IsEmpty, "the queue completes the delivery");
        queue.Flushes.Should().BeEmpty("nothing flushes while the host runs");

        // Act
        await host.DisposeAsync();

        // Assert
        queue.Flushes.Should().Equal([1], "the dispatcher flushes once, after its last completion");
    }

    /// <summary>An unbounded in-process queue that records how the dispatcher finishes each delivery.</summary>
    private sealed class CompletingQueue : IWebhookQueue, ICompletingWebhookQueue
    {
        private readonly Channel<WebhookDelivery> _channel = Channel.CreateUnbounded<WebhookDelivery>();
        private int _count;

        public CompletingQueue() => Capabilities = new() { CompleteAndAcknowledge = this };

        public WebhookQueueCapabilities Capabilities { get; }

        public ConcurrentQueue<(string EventId, TimeSpan Retention)> Completed { get; } = new();

        public ConcurrentQueue<(string EventId, int Attempts)> Kept { get; } = new();

        public ConcurrentQueue<string> Acknowledged { get; } = new();

        public int Count => Volatile.Read(ref _count);

        public long Bytes => 0;

        public ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
        {
            // A queue without ReturnsPooledBuffers gets a delivery whose body is its own copy.
            _channel.Writer.TryWrite(delivery);
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
            Acknowledged.Enqueue(delivery.EventId);
            Interlocked.Decrement(ref _count);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAndAcknowledgeAsync(WebhookDelivery delivery, TimeSpan retention, CancellationToken cancellationToken)
        {
            Completed.Enqueue((delivery.EventId, retention));
            Interlocked.Decrement(ref _count);
            return ValueTask.CompletedTask;
        }

        public ValueTask KeepForTakeoverAsync(WebhookDelivery delivery, int attempts, CancellationToken cancellationToken)
        {
            Kept.Enqueue((delivery.EventId, attempts));
            Interlocked.Decrement(ref _count);
            return ValueTask.CompletedTask;
        }

        /// <summary>Gets the number of deliveries completed when <see cref="FlushAsync"/> was called, once per call.</summary>
        public ConcurrentQueue<int> Flushes { get; } = new();

        public ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            Flushes.Enqueue(Completed.Count);
            return ValueTask.CompletedTask;
        }

        public void Close() => _channel.Writer.TryComplete();
    }
}
