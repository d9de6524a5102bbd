using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>
/// A copy of an event that arrives while an earlier copy holds its claim (issue 15, row 1): a 200 only once the event is
/// queued. While the first copy is still being queued its claim is pending and the duplicate gets 503 + Retry-After, so
/// that the provider retries when the first copy then fails to queue; a duplicate of a queued or handled event gets 200.
/// </summary>
public sealed class InFlightDuplicateTests
{
    private const string Secret = "in-flight-secret-5b1c";

    [Fact]
    public async Task Post_DuplicateWhileTheFirstCopyIsBeingQueued_Gets503AndTheRetryAfterTheFirstCopyFailedIsHandled()
    {
        // Arrange: the first enqueue waits at a gate, then finds the queue full.
        var probe = new HandlerProbe();
        var gate = new GatedQueue();
        await using var host = await StartAsync(probe, gate);
        var id = Payloads.NewId();
        var body = Payloads.GitHubPush(id);

        // Act
        var first = host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));
        await gate.Entered.Task.WaitAsync(HandlerProbe.DefaultTimeout);
        using var duplicate = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));
        gate.Open.SetResult();
        using var firstResponse = await first;
        using var retry = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));

        // Assert
        await duplicate.ShouldBeUnavailableAsync(TimeSpan.FromSeconds(10));
        host.LogsWithEventId(29).Should().ContainSingle().Which.Message.Should().Contain("not yet queued");
        await firstResponse.ShouldBeUnavailableAsync(TimeSpan.FromSeconds(10));
        retry.StatusCode.Should().Be(HttpStatusCode.OK, "the failed first copy released its claim");
        await probe.WaitForAsync(id);
        probe.Calls.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_DuplicateOfAQueuedEvent_Gets200AndIsNotQueuedAgain()
    {
        // Arrange: the first copy's handler blocks, so the event stays in flight (queued, then handled).
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new HandlerProbe { Behavior = (_, _) => release.Task };
        await using var host = await StartAsync(probe, gate: null);
        var id = Payloads.NewId();
        try
        {
            using var first = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));
            await probe.WaitForAttemptsAsync(1);

            // Act
            using var duplicate = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

            // Assert
            first.StatusCode.Should().Be(HttpStatusCode.OK);
            duplicate.StatusCode.Should().Be(HttpStatusCode.OK);
            host.LogsWithEventId(2).Should().ContainSingle().Which.Message.Should().Contain("InFlight");
        }
        finally
        {
            release.TrySetResult();
        }

        await host.WaitForQueueDrainAsync();
        probe.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_EachEventThreeTimesAtOnceIntoAFullQueue_EveryEventThatGotA200IsHandled()
    {
        // Arrange: the observation (28 of 400 events got a 200 and a 503 and were never handled): a small
        // queue held full by blocked handlers, and every event POSTed three times at once.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var probe = new HandlerProbe { Behavior = (_, _) => release.Task };
        await using var host = await StartAsync(probe, gate: null, o =>
        {
            o.QueueCapacity = 40;
            o.MaxConcurrency = 2;
        });
        var ids = Enumerable.Range(0, 400).Select(_ => Payloads.NewId()).ToArray();
        var answers = new ConcurrentDictionary<string, ConcurrentBag<HttpStatusCode>>();

        // Act
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, _) =>
        {
            var body = Payloads.GitHubPush(id);
            var copies = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
            {
                using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));
                return response.StatusCode;
            }));
            answers[id] = [.. copies];
        });
        release.SetResult();
        var accepted = ids.Where(id => answers[id].Contains(HttpStatusCode.OK)).ToList();
        await host.WaitForQueueDrainAsync();
        await probe.WaitUntilAsync(p => p.Calls.Count == p.Attempts.Count); // Every run that started has finished.

        // Assert
        accepted.Should().NotBeEmpty().And.HaveCountLessThan(ids.Length, "the queue was full for most of the run");
        probe.Calls.Select(call => call.EventId).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(accepted, "an event that got a 200 is handled once, and nothing else is");
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, GatedQueue? gate, Action<WebhookOptions>? configure = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                if (gate is not null)
                {
                    // Around the library's own queue (internal), created as its registration says.
                    var queueType = services.Single(descriptor => descriptor.ServiceType == typeof(IWebhookQueue)).ImplementationType!;
                    services.Replace(ServiceDescriptor.Singleton<IWebhookQueue>(provider => gate.Wrap((IWebhookQueue)ActivatorUtilities.CreateInstance(provider, queueType))));
                }

                if (configure is not null)
                {
                    services.Configure(configure);
                }
            });

    /// <summary>The in-memory queue, except that its first enqueue waits at a gate and then finds it full.</summary>
    private sealed class GatedQueue
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IWebhookQueue Wrap(IWebhookQueue inner) => new Queue(inner, this);

        private sealed class Queue(IWebhookQueue inner, GatedQueue gate) : IWebhookQueue
        {
            private int _enqueues;

            public int Count => inner.Count;

            public long Bytes => inner.Bytes;

            public async ValueTask<WebhookEnqueueResult> TryEnqueueAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
            {
                if (Interlocked.Increment(ref _enqueues) > 1)
                {
                    return await inner.TryEnqueueAsync(delivery, cancellationToken);
                }

                gate.Entered.SetResult();
                await gate.Open.Task;
                return WebhookEnqueueResult.Full;
            }

            public ValueTask<WebhookDelivery?> DequeueAsync(CancellationToken cancellationToken) => inner.DequeueAsync(cancellationToken);

            public ValueTask AcknowledgeAsync(WebhookDelivery delivery, CancellationToken cancellationToken) => inner.AcknowledgeAsync(delivery, cancellationToken);

            public void Close() => inner.Close();
        }
    }
}
