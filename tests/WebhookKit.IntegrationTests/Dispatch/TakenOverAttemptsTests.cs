using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.IntegrationTests.Infrastructure;
using static WebhookKit.IntegrationTests.Dispatch.PoisonDeliveryFixtures;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>
/// A delivery handed over with attempts already made (<see cref="WebhookDelivery.PreviousAttempts"/>, a durable queue's
/// takeover) gets only the attempts left of <see cref="WebhookOptions.MaxAttempts"/>, counted by the retry pipeline itself.
/// </summary>
public sealed class TakenOverAttemptsTests
{
    [Theory]
    [InlineData(0, 3)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    public async Task Post_FailingDeliveryWithPreviousAttempts_RunsOnlyTheAttemptsLeftThenDeadLetters(int previousAttempts, int expectedRuns)
    {
        // Arrange: every attempt fails; the queue hands the delivery over as if earlier consumers had made attempts.
        var probe = new HandlerProbe { Behavior = (_, _) => throw new InvalidOperationException("the handler fails") };
        await using var host = await StartAsync(probe, maxAttempts: 3, configureServices: services => services.AddSingleton<IWebhookQueue>(new HandedOverQueue(previousAttempts)));
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(21).Count == 1, "the delivery is dead-lettered");

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        probe.Attempts.Select(attempt => attempt.Attempt).Should().Equal(Enumerable.Range(previousAttempts + 1, expectedRuns));
        host.LogsWithEventId(21).Single().Message.Should().Contain("after 3 attempts");
    }

    /// <summary>An unbounded in-process queue whose deliveries come out with <c>previousAttempts</c> already made.</summary>
    private sealed class HandedOverQueue(int previousAttempts) : IWebhookQueue
    {
        private readonly Channel<WebhookDelivery> _channel = Channel.CreateUnbounded<WebhookDelivery>();

        public int Count => _channel.Reader.Count;

        public long Bytes => 0;

        public ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
        {
            var handedOver = new WebhookDelivery(delivery.DeliveryId, delivery.ReceiverName, delivery.Provider, delivery.EventType, delivery.EventId, delivery.ReceivedAt, delivery.Body, delivery.Payload, delivery.Headers)
            {
                PreviousAttempts = previousAttempts,
            };
            _channel.Writer.TryWrite(handedOver);
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

        public ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public void Close() => _channel.Writer.TryComplete();
    }
}
