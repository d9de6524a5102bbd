using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace WebhookKit.IntegrationTests.Reliability;

/// <summary>
/// <c>MaxBodyBytes</c> under hostile sizes: a declared Content-Length over the limit is answered 413 without waiting for
/// the body; a chunked body is cut off with 413 while streaming, holding memory bounded by the limit, not by the body.
/// (The smaller limit cases are in <c>StatusCodeTests</c>.)
/// </summary>
[Collection(TimingSensitiveTests.Name)] // measures the process's allocations, so it runs alone
public sealed class BodyLimitTests(ITestOutputHelper output)
{
    private const string Secret = "body-limit-secret-5d0b7e";
    private const int OneMiB = 1024 * 1024;

    [Fact]
    public async Task Post_ContentLengthOver1GiBWithNoBodySent_Returns413WithoutWaitingForTheBody()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, maxBodyBytes: OneMiB);
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");
        var signed = Deliveries.GitHub(Secret, Payloads.NewId());

        // Act: only the head is ever sent; a server that read (or waited for) the body would never answer.
        await using var connection = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!);
        await connection.WriteHeadAsync("POST", "/webhooks/github", [.. signed.Headers.Select(h => (h.Key, string.Join(",", h.Value))), ("Content-Type", "application/json")], contentLength: 1L << 30);
        var response = await connection.ReadResponseAsync();

        // Assert
        response.Status.Should().Be((int)HttpStatusCode.RequestEntityTooLarge);
        host.LogsWithEventId(6).Should().ContainSingle();
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["webhookkit.outcome"].Should().Be("too_large");
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_200MiBChunkedStreamAgainst1MiBLimit_Returns413WithAllocationsFarBelowTheBodySize()
    {
        // Arrange
        const long streamBytes = 200L * OneMiB;
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, maxBodyBytes: OneMiB);
        using var warmUp = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        warmUp.StatusCode.Should().Be(HttpStatusCode.OK);
        await host.WaitForQueueDrainAsync();
        var content = new EndlessChunkedContent(streamBytes);
        using var request = Deliveries.GitHub(Secret, Payloads.NewId());
        request.Content = content;

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        // Act
        using var response = await host.Client.SendAsync(request);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        output.WriteLine($"streamed {content.BytesWritten:N0} of {streamBytes:N0} bytes before the 413; allocated {allocated:N0} bytes; managed heap {heapBefore:N0} -> {heapAfter:N0}");
        content.BytesWritten.Should().BeGreaterThan(OneMiB, "the limit was crossed while streaming");
        allocated.Should().BeLessThan(32L * OneMiB, "reading stops at the limit and buffers are pooled: memory follows MaxBodyBytes, not the body");
        (heapAfter - heapBefore).Should().BeLessThan(16L * OneMiB);
        probe.Attempts.Should().ContainSingle("only the warm-up delivery was handled");
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, long maxBodyBytes) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                services.Configure<WebhookOptions>(o => o.MaxBodyBytes = maxBodyBytes);
            });

    /// <summary>
    /// A chunked body of <c>length</c> bytes written from one reused 64 KiB buffer, so the client allocates nothing per
    /// chunk and the process's allocations measure the server. Stops early when the server stops reading.
    /// </summary>
    private sealed class EndlessChunkedContent(long length) : HttpContent
    {
        private long _written;

        public long BytesWritten => Interlocked.Read(ref _written);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            chunk[0] = (byte)'{';
            try
            {
                while (_written < length)
                {
                    var size = (int)Math.Min(chunk.Length, length - _written);
                    await stream.WriteAsync(chunk.AsMemory(0, size));
                    Interlocked.Add(ref _written, size);
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or HttpRequestException)
            {
                // The server answered and stopped reading: what matters is the answer.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
