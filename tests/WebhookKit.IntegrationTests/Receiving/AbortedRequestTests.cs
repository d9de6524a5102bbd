using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Receiving;

/// <summary>
/// A client that goes away mid-body, by closing its HTTP/1.1 connection or resetting its HTTP/2 stream, is counted
/// once as <c>aborted</c> and logged at Debug (event 50); nothing is answered and nothing is counted as a bad request.
/// </summary>
public sealed class AbortedRequestTests
{
    private const string Secret = "aborted-secret-0123456789";
    private const int AnnouncedBytes = 64 * 1024;

    private static (string Name, string Value)[] GitHubHeaders() =>
    [
        ("Content-Type", "application/json"),
        ("X-GitHub-Event", "push"),
        ("X-GitHub-Delivery", Payloads.NewId()),
        ("X-Hub-Signature-256", "sha256=" + new string('0', 64)),
    ];

    private static MetricCollector<long> Collect(WebhookTestHost host) =>
        new(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");

    [Fact]
    public async Task PostHttp11_ClientClosesMidBody_IsCountedAbortedOnce()
    {
        // Arrange
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)));
        using var deliveries = Collect(host);

        // Act: half the announced body, then the connection is closed.
        await using (var connection = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!))
        {
            await connection.WriteHeadAsync("POST", "/webhooks/github", GitHubHeaders(), AnnouncedBytes);
            await connection.WriteAsync(new byte[AnnouncedBytes / 2]);
        }

        // Assert
        await Eventually.WaitUntilAsync(() => deliveries.GetMeasurementSnapshot().Count > 0, "the aborted request is counted");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle()
            .Which.Tags["webhookkit.outcome"].Should().Be("aborted");
        host.LogsWithEventId(50).Should().ContainSingle()
            .Which.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Debug);
        host.LogsWithEventId(12).Should().BeEmpty("a client that went away is not a request the server rejected");
    }

    [Fact]
    public async Task PostHttp2_ClientResetsStreamMidBody_IsCountedAbortedOnce()
    {
        // Arrange: h2c on a loopback port.
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)),
            configureBuilder: builder => builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2)));
        using var deliveries = Collect(host);
        using var client = new HttpClient(new SocketsHttpHandler())
        {
            BaseAddress = host.Client.BaseAddress,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/github") 
        {
            Content = new HalfThenFailContent(AnnouncedBytes),
            Version = client.DefaultRequestVersion,
            VersionPolicy = client.DefaultVersionPolicy,
        };
        foreach (var (name, value) in GitHubHeaders().Where(header => header.Name != "Content-Type"))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        // Act: the content fails after half the body, so the client resets the stream.
        var send = () => client.SendAsync(request);

        // Assert
        await send.Should().ThrowAsync<HttpRequestException>();
        await Eventually.WaitUntilAsync(() => deliveries.GetMeasurementSnapshot().Count > 0, "the reset stream is counted");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle()
            .Which.Tags["webhookkit.outcome"].Should().Be("aborted");
        host.LogsWithEventId(50).Should().ContainSingle();
    }

    /// <summary>Announces <c>length</c> bytes, sends half of them, waits for them to reach the server, then throws.</summary>
    private sealed class HalfThenFailContent : HttpContent
    {
        private readonly int _length;

        public HalfThenFailContent(int length)
        {
            _length = length;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
            Headers.ContentLength = length;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(new byte[_length / 2]);
            await stream.FlushAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            throw new IOException("The test content fails mid-body.");
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _length;
            return true;
        }
    }
}
