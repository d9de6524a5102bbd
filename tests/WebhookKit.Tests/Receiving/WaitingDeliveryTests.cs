using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.Dispatch;
using WebhookKit.GitHub;
using WebhookKit.Testing;

namespace WebhookKit.Tests.Receiving;

/// <summary>
/// What a delivery waiting in the in-memory queue keeps of its own: a burst's waiting deliveries outlive collections,
/// each of which copies what they hold, so strings every delivery repeats are shared and keys are made only when read
/// (docs/performance.md, "Bursts"). The values must be those of the request all the same.
/// </summary>
public sealed class WaitingDeliveryTests
{
    private const string Secret = "waiting-delivery-secret-41b9";

    [Fact]
    public async Task Post_RepeatedHeaderValuesAndEventType_AreSharedStringsAndTheKeysAreTheRequestsOwn()
    {
        // Arrange: a Kestrel host with the in-memory queue and a handler that keeps the deliveries it was given.
        await using var host = await LoopbackWebhookApp.StartAsync(services =>
        {
            services.AddWebhooks().AddGitHub(options => options.Secrets.Add(Secret)).AddHandler<DeliveryKeepingHandler>();
            services.AddSingleton<ConcurrentQueue<WebhookDelivery>>();
        });
        var client = host.Client;
        var seen = host.Services.GetRequiredService<ConcurrentQueue<WebhookDelivery>>();

        // Act: three pushes of one hook, the third with its event type in capitals (GitHub never sends that; the
        // registry's lookup ignores case, the delivery must not).
        var bodies = new[] { "{\"ref\":\"refs/heads/a\"}", "{\"ref\":\"refs/heads/b\"}", "{\"ref\":\"refs/heads/c\"}" };
        var ids = new[] { Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), Guid.NewGuid().ToString() };
        var types = new[] { "push", "push", "PUSH" };
        for (var i = 0; i < bodies.Length; i++)
        {
            using var response = await PostAsync(client, types[i], ids[i], bodies[i]);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (seen.Count <= i && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }

        await host.StopAsync();

        // Assert
        var deliveries = seen.ToArray();
        deliveries.Should().HaveCount(3);
        var registered = host.Services.GetRequiredService<WebhookPayloadRegistry>().RegisteredEventType("github", "push");
        deliveries[0].EventType.Should().BeSameAs(registered);
        deliveries[1].EventType.Should().BeSameAs(registered);
        deliveries[2].EventType.Should().Be("PUSH", "the registry's string only stands in for the same text");
        deliveries[1].Headers["X-GitHub-Hook-ID"].Should().Be("292430182").And.BeSameAs(deliveries[0].Headers["X-GitHub-Hook-ID"]);
        deliveries[1].Headers["X-GitHub-Event"].Should().Be("push").And.BeSameAs(deliveries[0].Headers["X-GitHub-Event"]);
        deliveries[2].Headers["X-GitHub-Event"].Should().Be("PUSH");
        for (var i = 0; i < deliveries.Length; i++)
        {
            var body = Encoding.UTF8.GetBytes(bodies[i]);
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body);
            deliveries[i].EventId.Should().Be(ids[i]);
            deliveries[i].Headers["X-GitHub-Delivery"].Should().BeSameAs(deliveries[i].EventId);
            deliveries[i].IdempotencyKey.Should().Be("github:" + ids[i]);
            deliveries[i].ReplayKey.Should().Be(WebhookDelivery.CreateReplayKey("github", "push", mac, body));
            deliveries[i].IdempotencyKeys.Should().Equal(deliveries[i].IdempotencyKey, deliveries[i].ReplayKey);
        }
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string eventType, string deliveryId, string payload)
    {
        var body = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-GitHub-Event", eventType);
        request.Headers.Add("X-GitHub-Delivery", deliveryId);
        request.Headers.Add("X-GitHub-Hook-ID", "292430182");
        request.Headers.Add(GitHubSigner.SignatureHeader, WebhookSigner.GitHub(Secret).Sign(body));
        return await client.SendAsync(request);
    }

    private sealed class DeliveryKeepingHandler(ConcurrentQueue<WebhookDelivery> seen) : IWebhookHandler<GitHubPushEvent>
    {
        public Task HandleAsync(WebhookEvent<GitHubPushEvent> webhook, CancellationToken cancellationToken)
        {
            seen.Enqueue(webhook.Delivery);
            return Task.CompletedTask;
        }
    }
}
