using System.Collections.Concurrent;
using System.Net;
using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.Receiving;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Receiving;

/// <summary>
/// With the in-memory queue, a delivery waits with its body in a reused buffer on the pinned object heap, not in the
/// request's shared-pool buffer: a body that waits outlives gen0 collections, and shared-pool buffers (fresh arrays in a
/// burst) were promoted by each, which was the burst's p99 (docs/architecture.md, "The body's life").
/// </summary>
public sealed class WaitingBodyBufferTests
{
    private const string Secret = "waiting-body-secret-7c2d";

    [Fact]
    public async Task Post_WithTheInMemoryQueue_TheHandlerReadsTheBodyFromAPinnedBufferThatGoesBackToThePoolAtAcknowledgement()
    {
        // Arrange: a Kestrel host with the in-memory queue and one handler that notes the array its RawBody is in.
        await using var host = await LoopbackWebhookApp.StartAsync(services =>
        {
            services.AddWebhooks().AddGitHub(options => options.Secrets.Add(Secret)).AddHandler<ArrayNotingHandler>();
            services.AddSingleton<ConcurrentQueue<byte[]>>();
        });
        var client = host.Client;
        var pool = host.Services.GetRequiredService<WebhookRequestProcessor>().PinnedBodies;
        var seen = host.Services.GetRequiredService<ConcurrentQueue<byte[]>>();
        var payload = "{\"ref\":\"refs/heads/main\",\"padding\":\"" + new string('p', 6000) + "\"}";

        // Act: one delivery, handled and acknowledged.
        using (var response = await client.PostGitHubWebhookAsync("push", payload, Secret))
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (pool.Retained == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await host.StopAsync();

        // Assert: the handler's array was a pinned one, and it went back to the processor's pool, where the next
        // delivery of its size would find it.
        var array = seen.Should().ContainSingle().Subject;
        GC.GetGeneration(array).Should().Be(GC.MaxGeneration, "a pinned buffer is never in a generation a collection copies");
        pool.Retained.Should().Be(1, "the buffer went back to the pool of waiting bodies at acknowledgement");
        pool.Rent(payload.Length).Should().BeSameAs(array);
    }

    private sealed class ArrayNotingHandler(ConcurrentQueue<byte[]> seen) : IWebhookHandler<GitHubPushEvent>
    {
        public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
        {
            MemoryMarshal.TryGetArray(webhook.RawBody, out var segment).Should().BeTrue();
            seen.Enqueue(segment.Array!);
            return Task.CompletedTask;
        }
    }
}
