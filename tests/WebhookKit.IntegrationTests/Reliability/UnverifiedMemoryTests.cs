using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Reliability;

/// <summary>
/// What an unverified request may cost: buffers grow with the bytes that arrive, not with what <c>Content-Length</c>
/// announces, and all unverified bodies together hold at most <see cref="WebhookOptions.MaxUnverifiedBytes"/>.
/// </summary>
[Collection(TimingSensitiveTests.Name)] // measures the managed heap, so it runs alone
public sealed class UnverifiedMemoryTests
{
    private const string Secret = "unverified-memory-secret-9c2e";
    private const int FiveMiB = 5 * 1024 * 1024;

    [Fact]
    public async Task Post_FortySlowSendersAnnouncingFiveMiB_HoldOnlyWhatTheySent()
    {
        // Arrange: 40 connections announce the largest accepted body and trickle 300 B/s, above the minimum rate.
        await using var host = await StartAsync(o => o.MaxBodyBytes = FiveMiB);
        using var held = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.receive.unverified_bytes");
        var heapBefore = SettledHeap();
        var headers = Deliveries.GitHub(Secret, Payloads.NewId()).Headers.Select(h => (h.Key, string.Join(",", h.Value))).Append(("Content-Type", "application/json")).ToArray();
        var connections = new List<RawHttpConnection>();
        using var stop = new CancellationTokenSource();
        var trickles = new List<Task>();
        try
        {
            for (var i = 0; i < 40; i++)
            {
                var connection = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!);
                connections.Add(connection);
                await connection.WriteHeadAsync("POST", "/webhooks/github", headers, contentLength: FiveMiB);
                trickles.Add(connection.TrickleAsync(bytesPerTick: 30, TimeSpan.FromMilliseconds(100), stop.Token));
            }

            // Act: let them trickle for a while.
            await Task.Delay(TimeSpan.FromSeconds(3));
            held.RecordObservableInstruments();
            var heapDuring = SettledHeap();

            // Assert: 16 KiB of buffer each at most (they sent about 1 KB each); announced, they would be 200 MiB.
            held.LastMeasurement!.Value.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(40 * 16 * 1024);
            (heapDuring - heapBefore).Should().BeLessThan(32L * 1024 * 1024, "40 buffers rented at the announced length held 320 MiB");
        }
        finally
        {
            await stop.CancelAsync();
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }

            await Task.WhenAll(trickles);
        }

        await Eventually.WaitUntilAsync(
            () =>
            {
                held.RecordObservableInstruments();
                return held.LastMeasurement!.Value == 0;
            },
            "every reservation is given back once the senders are gone");
    }

    [Fact]
    public async Task Post_OverMaxUnverifiedBytes_Returns503WithRetryAfterAndLaterSucceeds()
    {
        // Arrange: room for 64 KiB of unverified bodies; one sender holds 60 of the 63 KB of a body it has not finished.
        await using var host = await StartAsync(o =>
        {
            o.MaxBodyBytes = 64 * 1024;
            o.MaxUnverifiedBytes = 64 * 1024;
        });
        var id = Payloads.NewId();
        var body = Pad(Payloads.GitHubPush(id), 63_000);
        var signed = Deliveries.GitHub(Secret, id, body: body);
        await using var holder = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!);
        await holder.WriteHeadAsync("POST", "/webhooks/github", [.. signed.Headers.Select(h => (h.Key, string.Join(",", h.Value))), ("Content-Type", "application/json")], contentLength: body.Length);
        await holder.WriteAsync(body.AsMemory(0, 60_000));
        using var held = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.receive.unverified_bytes");
        await Eventually.WaitUntilAsync(
            () =>
            {
                held.RecordObservableInstruments();
                return held.LastMeasurement!.Value >= 60_000;
            },
            "the first body's buffer has grown");

        // Act
        using var refused = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        await holder.WriteAsync(body.AsMemory(60_000));
        var completed = await holder.ReadResponseAsync();
        using var later = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));

        // Assert
        refused.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        refused.Headers.RetryAfter.Should().NotBeNull();
        completed.Status.Should().Be((int)HttpStatusCode.OK);
        later.StatusCode.Should().Be(HttpStatusCode.OK);
        host.LogsWithEventId(19).Should().ContainSingle();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_BodyOfThreeMiB_GrowsItsBufferAndIsHandledIntact(bool chunked)
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(o => o.MaxBodyBytes = FiveMiB, probe);
        var id = Payloads.NewId();
        var body = Pad(Payloads.GitHubPush(id), 3 * 1024 * 1024);
        var request = Deliveries.GitHub(Secret, id, body: body);
        if (chunked)
        {
            request.Content = new ChunkedContent(body, 64 * 1024);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        probe.Calls.Should().ContainSingle().Which.Payload.Should().BeOfType<GitHubPushEvent>().Which.Ref.Should().Be(Payloads.GitHubPushRef);
    }

    /// <summary>Pads a JSON object with trailing spaces to exactly <paramref name="length"/> bytes (still the same JSON).</summary>
    private static byte[] Pad(byte[] json, int length)
    {
        var padded = new byte[length];
        Array.Fill(padded, (byte)' ');
        json.CopyTo(padded, 0);
        return padded;
    }

    private static long SettledHeap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static Task<WebhookTestHost> StartAsync(Action<WebhookOptions> configure, HandlerProbe? probe = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe ?? new HandlerProbe());
                services.Configure(configure);
            });
}
