using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Dispatch;

/// <summary>
/// With the in-memory queue a delivery's body waits in a reused pinned buffer until acknowledgement. Buffers are reused
/// by later requests, so a buffer given back too early would show up as another delivery's body.
/// </summary>
public sealed class PooledBodyTests
{
    private const string Secret = "pooled-body-secret-5e1a";

    [Fact]
    public async Task Post_ManyDistinctBodiesConcurrently_EachHandlerSeesItsOwnBodyUntilItReturns()
    {
        // Arrange: bodies of different sizes (several pool buckets), each naming its own delivery in `ref`.
        var expected = new BodyExpectations();
        await using var host = await StartAsync(expected, webhooks => webhooks.AddHandler<BodyCheckingHandler>());
        var deliveries = Enumerable.Range(0, 400).Select(i => (Id: Payloads.NewId($"pooled-{i}-"), Padding: i % 7 * 1500)).ToList();

        // Act: 32 at a time, so that buffers are returned and rented again while other deliveries are being handled.
        using var gate = new SemaphoreSlim(32);
        var statuses = await Task.WhenAll(deliveries.Select(async delivery =>
        {
            var body = Body(delivery.Id, delivery.Padding);
            expected.Add(delivery.Id, body);
            await gate.WaitAsync();
            try
            {
                using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, delivery.Id, body: body));
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));

        // Assert
        statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
        await Eventually.WaitUntilAsync(() => expected.Checked == deliveries.Count, "every delivery was handled");
        await host.WaitForQueueDrainAsync();
        expected.Mismatches.Should().BeEmpty("no handler may see a body other than its own delivery's");
    }

    [Fact]
    public async Task Post_BehindABacklog_BodiesInReusedPinnedBuffersStayTheirOwn()
    {
        // Arrange: one worker, so that the queue grows past the backlog threshold (64) and bodies are copied into pinned
        // buffers of the pool; two waves, so that the second reuses buffers the first gave back at acknowledgement.
        var expected = new BodyExpectations();
        await using var host = await StartAsync(expected, webhooks => webhooks.AddHandler<BodyCheckingHandler>(), maxConcurrency: 1);
        var maxQueued = 0;
        var sent = 0;
        foreach (var wave in new[] { "first", "second" })
        {
            var deliveries = Enumerable.Range(0, 150).Select(i => (Id: Payloads.NewId($"{wave}-{i}-"), Padding: i % 5 * 2500)).ToList();

            // Act
            var statuses = await Task.WhenAll(deliveries.Select(async delivery =>
            {
                var body = Body(delivery.Id, delivery.Padding);
                expected.Add(delivery.Id, body);
                using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, delivery.Id, body: body));
                InterlockedMax(ref maxQueued, host.Services.GetRequiredService<IWebhookQueue>().Count);
                return response.StatusCode;
            }));
            sent += deliveries.Count;

            statuses.Should().AllBeEquivalentTo(HttpStatusCode.OK);
            await Eventually.WaitUntilAsync(() => expected.Checked == sent, $"every delivery of the {wave} wave was handled", TimeSpan.FromSeconds(60));
        }

        // Assert
        maxQueued.Should().BeGreaterThan(64, "the deliveries waited behind a backlog, so their bodies were copied");
        expected.Mismatches.Should().BeEmpty("no handler may see a body other than its own delivery's");
    }

    [Fact]
    public async Task DeadLetter_AfterItsBufferWasReusedByLaterRequests_KeepsItsOwnBody()
    {
        // Arrange: the handler of one event always fails; every other delivery succeeds.
        var expected = new BodyExpectations();
        var poisoned = Payloads.NewId("poisoned-");
        await using var host = await StartAsync(expected, webhooks => webhooks.AddHandler<BodyCheckingHandler>(), poisoned);
        var poisonedBody = Body(poisoned, padding: 3000);
        expected.Add(poisoned, poisonedBody);
        using (var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, poisoned, body: poisonedBody)))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var store = host.GetRequiredService<IDeadLetterStore>();
        await Eventually.WaitUntilAsync(async () => (await store.ListAsync(10, CancellationToken.None)).Count == 1, "the poisoned delivery is dead-lettered");
        await host.WaitForQueueDrainAsync();

        // Act: bodies of the same size through the same pool afterwards.
        for (var i = 0; i < 100; i++)
        {
            var id = Payloads.NewId($"later-{i}-");
            var body = Body(id, padding: 3000);
            expected.Add(id, body);
            using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, body: body));
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await host.WaitForQueueDrainAsync();

        // Assert
        var deadLetter = (await store.ListAsync(10, CancellationToken.None)).Should().ContainSingle().Subject;
        deadLetter.Delivery.EventId.Should().Be(poisoned);
        deadLetter.Delivery.Body.ToArray().Should().Equal(poisonedBody);
        deadLetter.Delivery.Payload.ToArray().Should().Equal(poisonedBody);
        expected.Mismatches.Should().BeEmpty();
    }

    /// <summary>GitHub's example push with <c>ref</c> naming the delivery and a padding field to vary the size.</summary>
    private static byte[] Body(string deliveryId, int padding)
    {
        var node = JsonNode.Parse(Payloads.GitHubPush())!.AsObject();
        node["ref"] = "refs/heads/" + deliveryId;
        node["padding"] = new string('p', padding);
        return System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static Task<WebhookTestHost> StartAsync(BodyExpectations expected, Action<IWebhooksBuilder> addHandler, string? failingEventId = null, int maxConcurrency = 4) =>
        WebhookTestHost.StartAsync(
            webhooks => addHandler(webhooks.AddGitHub(o => o.Secrets.Add(Secret))),
            services =>
            {
                expected.FailingEventId = failingEventId;
                services.AddSingleton(expected);
                services.Configure<WebhookOptions>(o =>
                {
                    o.MaxConcurrency = maxConcurrency;
                    o.MaxAttempts = 2;
                    o.RetryDelay = TimeSpan.FromMilliseconds(10);
                    o.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
                });
            });

    /// <summary>The hash of every body sent, and what the handlers found.</summary>
    public sealed class BodyExpectations
    {
        private readonly ConcurrentDictionary<string, byte[]> _hashes = new();
        private int _checked;

        public string? FailingEventId { get; set; }

        public ConcurrentQueue<string> Mismatches { get; } = new();

        public int Checked => Volatile.Read(ref _checked);

        public void Add(string deliveryId, byte[] body) => _hashes[deliveryId] = SHA256.HashData(body);

        public void Check(string eventId, string stage, ReadOnlySpan<byte> body)
        {
            if (!_hashes.TryGetValue(eventId, out var hash) || !SHA256.HashData(body).AsSpan().SequenceEqual(hash))
            {
                Mismatches.Enqueue($"{eventId} ({stage})");
            }
        }

        public void Done() => Interlocked.Increment(ref _checked);
    }

    /// <summary>Checks the payload and the raw body against what was sent, before and after yielding to other work.</summary>
    public sealed class BodyCheckingHandler(BodyExpectations expected) : IWebhookHandler<GitHubPushEvent>
    {
        public async Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
        {
            if (webhook.Payload.Ref != "refs/heads/" + webhook.EventId)
            {
                expected.Mismatches.Enqueue($"{webhook.EventId} (payload)");
            }

            expected.Check(webhook.EventId, "before", webhook.RawBody.Span);

            // Other requests rent and fill buffers meanwhile: a body returned to the pool too early changes here.
            await Task.Delay(5, cancellationToken);
            expected.Check(webhook.EventId, "after", webhook.RawBody.Span);
            if (webhook.EventId == expected.FailingEventId)
            {
                throw new InvalidOperationException("this event always fails");
            }

            expected.Done();
        }
    }
}
