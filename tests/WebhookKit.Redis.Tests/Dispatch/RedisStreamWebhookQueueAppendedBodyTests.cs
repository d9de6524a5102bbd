using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using WebhookKit.Dispatch;
using WebhookKit.Redis.Tests.Infrastructure;

namespace WebhookKit.Redis.Tests.Dispatch;

/// <summary>
/// The bodies an instance appended and reads back itself come from the copies it kept at the append
/// (Internal/RedisAppendedDeliveries.cs), not from Redis; beyond what it keeps, from Redis as before.
/// </summary>
[Collection(RedisTests.Name)]
public sealed class RedisStreamWebhookQueueAppendedBodyTests(RedisFixture redis)
{
    [Fact]
    public async Task DequeueAsync_EntriesTheInstanceAppended_GetTheBodiesAsAppendedWithoutRedisSendingThemBack()
    {
        // Arrange: a server of this test's own, so that its output bytes are this queue's; 20 bodies of 64 KB, each
        // overwritten once its append was answered, as the request's pooled buffer is reused.
        const int Count = 20;
        const int Size = 64 * 1024;
        await using var server = await RedisServer.StartAsync();
        using var admin = await ConnectionMultiplexer.ConnectAsync(server.Configuration + ",allowAdmin=true");
        await using var services = RedisServices.Build(server.Configuration, RedisFixture.NewPrefix("appended"), o => o.DurableQueue = true);
        var queue = services.GetRequiredService<IWebhookQueue>();
        var originals = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < Count; i++)
        {
            var buffer = new byte[Size];
            Random.Shared.NextBytes(buffer);
            var delivery = RedisServices.Delivery("a-" + Guid.NewGuid(), body: buffer);
            originals[delivery.DeliveryId] = buffer.ToArray();
            (await ((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(5), CancellationToken.None)).Should().Be(WebhookClaimAndEnqueueResult.Enqueued);
            Array.Fill(buffer, (byte)0xEE);
        }

        var sentBefore = await OutputBytesAsync(admin, server);

        // Act
        var dequeued = new List<WebhookDelivery>();
        for (var i = 0; i < Count; i++)
        {
            dequeued.Add((await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)))!);
        }

        var sent = await OutputBytesAsync(admin, server) - sentBefore;

        // Assert
        dequeued.Select(static delivery => delivery.DeliveryId).Should().BeEquivalentTo(originals.Keys);
        dequeued.Should().AllSatisfy(delivery => delivery.Body.ToArray().Should().Equal(originals[delivery.DeliveryId], "the body as appended, copied before its buffer was reused"));
        sent.Should().BeLessThan(Count * Size / 4, "Redis did not send the bodies back to the instance that appended them");
        foreach (var delivery in dequeued)
        {
            await queue.AcknowledgeAsync(delivery, CancellationToken.None);
        }
    }

    [Fact]
    public async Task DequeueAsync_MoreAppendedThanTheCopiesKept_ReadsTheOldestBodiesFromRedis()
    {
        // Arrange: 400 deliveries appended before anything reads (at most 256 copies are kept with the default prefetch).
        var prefix = RedisFixture.NewPrefix("appended-many");
        await using var services = RedisServices.Build(redis.Server.Configuration, prefix, o => o.DurableQueue = true);
        var queue = services.GetRequiredService<IWebhookQueue>();
        var bodies = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var appends = new List<Task<WebhookClaimAndEnqueueResult>>();
        for (var i = 0; i < 400; i++)
        {
            var delivery = RedisServices.Delivery($"m-{i}-{Guid.NewGuid():N}", body: System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"));
            bodies[delivery.DeliveryId] = delivery.Body.ToArray();
            appends.Add(((IClaimingWebhookQueue)queue).TryClaimAndEnqueueAsync(delivery, TimeSpan.FromMinutes(5), CancellationToken.None).AsTask());
        }

        (await Task.WhenAll(appends)).Should().AllBeEquivalentTo(WebhookClaimAndEnqueueResult.Enqueued);

        // Act: each handled and acknowledged in turn (the prefetch is smaller than the backlog).
        var seen = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < bodies.Count; i++)
        {
            var delivery = (await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)))!;
            seen.Add(delivery.DeliveryId, delivery.Body.ToArray());
            await queue.AcknowledgeAsync(delivery, CancellationToken.None);
        }

        // Assert: every delivery once, each with its own body, wherever it came from.
        seen.Should().HaveCount(bodies.Count);
        seen.Should().AllSatisfy(pair => pair.Value.Should().Equal(bodies[pair.Key]));
        await Eventually.WaitUntilAsync(async () => await redis.Server.Database.StreamLengthAsync($"{prefix}webhookkit:{{github:0}}:stream") == 0, "every entry is acknowledged");
    }

    [Fact]
    public async Task AcknowledgeAsync_WithoutCompleting_LeavesTheBodyToWhoeverHoldsTheDelivery()
    {
        // Arrange: a delivery read back from this instance's copy, acknowledged without completing (as a dead-lettered
        // one is: a dead-letter store may keep it), then 50 others of the same size appended, handled and completed, whose
        // pooled buffers go back to the pool and out again.
        var prefix = RedisFixture.NewPrefix("appended-dead");
        await using var services = RedisServices.Build(redis.Server.Configuration, prefix, o => o.DurableQueue = true);
        var queue = services.GetRequiredService<IWebhookQueue>();
        var claiming = (IClaimingWebhookQueue)queue;
        var completing = (ICompletingWebhookQueue)queue;
        var original = Enumerable.Repeat((byte)'d', 10_000).ToArray();
        await claiming.TryClaimAndEnqueueAsync(RedisServices.Delivery("d-" + Guid.NewGuid(), body: original.ToArray()), TimeSpan.FromMinutes(5), CancellationToken.None);
        var dead = (await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)))!;
        await queue.AcknowledgeAsync(dead, CancellationToken.None);

        // Act
        for (var i = 0; i < 50; i++)
        {
            await claiming.TryClaimAndEnqueueAsync(RedisServices.Delivery($"h-{i}-{Guid.NewGuid():N}", body: Enumerable.Repeat((byte)i, 10_000).ToArray()), TimeSpan.FromMinutes(5), CancellationToken.None);
            var handled = (await queue.DequeueAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(30)))!;
            handled.Body.Span[0].Should().Be((byte)i);
            await completing.CompleteAndAcknowledgeAsync(handled, TimeSpan.FromMinutes(5), CancellationToken.None);
        }

        // Assert: its buffer was never handed out again.
        dead.Body.ToArray().Should().Equal(original);
    }

    private static async Task<long> OutputBytesAsync(ConnectionMultiplexer admin, RedisServer server)
    {
        var stats = await admin.GetServer(server.Configuration).InfoRawAsync("stats");
        var line = stats!.Split('\n').Single(static line => line.StartsWith("total_net_output_bytes:", StringComparison.Ordinal));
        return long.Parse(line["total_net_output_bytes:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
