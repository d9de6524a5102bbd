using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Reliability;

/// <summary>
/// Slow-client protection: <c>MinRequestBodyDataRate</c> is applied to every webhook request, so a sender trickling its
/// body is cut off with 408 once the grace period is over, counted as <c>too_slow</c> and logged.
/// </summary>
[Collection(TimingSensitiveTests.Name)] // paced by the server's once-a-second rate check
public sealed class SlowClientTests
{
    private const string Secret = "slow-client-secret-71e4c2";

    [Fact]
    public async Task Post_BodyTricklingBelowMinimumRate_IsCutOffWith408CountedAndLogged()
    {
        // Arrange: at least 1,000 bytes/s after 2 s; the sender manages about 100. The server itself has no minimum, so
        // only WebhookKit's per-request setting can cut the sender off.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            o =>
            {
                o.MinRequestBodyDataRate = 1000;
                o.MinRequestBodyDataRateGracePeriod = TimeSpan.FromSeconds(2);
            },
            builder => builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MinRequestBodyDataRate = null));
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");
        var signed = Deliveries.GitHub(Secret, Payloads.NewId());
        await using var connection = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!);
        await connection.WriteHeadAsync("POST", "/webhooks/github", [.. signed.Headers.Select(h => (h.Key, string.Join(",", h.Value))), ("Content-Type", "application/json")], contentLength: 100_000);
        using var stopTrickling = new CancellationTokenSource();
        var trickle = connection.TrickleAsync(bytesPerTick: 10, TimeSpan.FromMilliseconds(100), stopTrickling.Token);
        var clock = Stopwatch.StartNew();

        // Act
        var response = await connection.ReadResponseAsync();
        clock.Stop();
        await stopTrickling.CancelAsync();
        await trickle;

        // Assert
        response.Status.Should().Be((int)HttpStatusCode.RequestTimeout);
        using (var problem = JsonDocument.Parse(response.Body))
        {
            problem.RootElement.GetProperty("type").GetString().Should().Be("urn:webhookkit:problem:too-slow");
        }

        clock.Elapsed.Should().BeGreaterThan(TimeSpan.FromSeconds(1.5), "the grace period comes first");
        var logged = host.LogsWithEventId(18).Should().ContainSingle().Subject;
        logged.Level.Should().Be(LogLevel.Information);
        logged.Message.Should().Contain("github").And.Contain("1000");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["webhookkit.outcome"].Should().Be("too_slow");
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_SlowBodyWithMinimumRateOff_OverridesAStricterServerLimitAndIsAccepted()
    {
        // Arrange: Kestrel itself would cut off anything under 1,000 bytes/s after 2 s; WebhookKit's own setting (0 = no
        // minimum) is applied per request and wins on its endpoints.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            o => o.MinRequestBodyDataRate = 0,
            builder => builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(1000, TimeSpan.FromSeconds(2))));
        var id = Payloads.NewId();
        var body = """{"ref":"refs/heads/main","commits":[],"padding":"..............................................................................................................................................................................................................................................."}"""u8.ToArray();
        var signed = Deliveries.GitHub(Secret, id, body: body);
        await using var connection = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!);
        await connection.WriteHeadAsync("POST", "/webhooks/github", [.. signed.Headers.Select(h => (h.Key, string.Join(",", h.Value))), ("Content-Type", "application/json")], contentLength: body.Length);

        // Act: about 100 bytes/s, so the body takes about 3.5 s.
        for (var offset = 0; offset < body.Length; offset += 10)
        {
            await connection.WriteAsync(body.AsMemory(offset, Math.Min(10, body.Length - offset)));
            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        var response = await connection.ReadResponseAsync();

        // Assert
        response.Status.Should().Be((int)HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Fact]
    public async Task Post_OverHttp2_IsAcceptedUnderTheServerWideLimit()
    {
        // Arrange: Kestrel supports the per-request minimum only on HTTP/1.x (setting one on an HTTP/2 stream throws),
        // so HTTP/2 requests keep the server-wide KestrelServerLimits.MinRequestBodyDataRate.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            o => o.MinRequestBodyDataRate = 1000,
            builder => builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2)));
        var id = Payloads.NewId();
        using var request = Deliveries.GitHub(Secret, id);
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact; // HTTP/2 with prior knowledge over plain TCP

        // Act
        using var response = await host.Client.SendAsync(request);

        // Assert
        response.Version.Should().Be(HttpVersion.Version20);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    /// <summary>Writes a few bytes per tick until stopped or until the server closes the connection (pacing, not synchronisation).</summary>
    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Action<WebhookOptions> configure, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configureBuilder = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(Secret)).AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services =>
            {
                services.AddSingleton(probe);
                services.Configure(configure);
            },
            configureBuilder: configureBuilder);
}
