using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// A receiver's <c>AllowedIpRanges</c>: senders outside the ranges get 403 before their body is read; the address checked
/// is <c>HttpContext.Connection.RemoteIpAddress</c>, which <c>UseForwardedHeaders</c> resolves behind a trusted proxy.
/// </summary>
public sealed class IpAllowListTests
{
    private const string Secret = "ip-allow-list-secret-0c5e2d";

    [Fact]
    public async Task Post_FromAddressOutsideAllowedRanges_Returns403BeforeReadingTheBodyAndIsCounted()
    {
        // Arrange: the tests connect from 127.0.0.1, which is not in 10.0.0.0/8 or 2001:db8::/32.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, ["10.0.0.0/8", "2001:db8::/32"]);
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");
        var signed = Deliveries.GitHub(Secret, Payloads.NewId());

        // Act: the head of a 1 MB delivery and no body; the answer cannot have waited for it.
        await using var connection = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!);
        await connection.WriteHeadAsync("POST", "/webhooks/github", [.. signed.Headers.Select(h => (h.Key, string.Join(",", h.Value))), ("Content-Type", "application/json")], contentLength: 1024 * 1024);
        var response = await connection.ReadResponseAsync();

        // Assert
        response.Status.Should().Be(403);
        using (var problem = JsonDocument.Parse(response.Body))
        {
            problem.RootElement.GetProperty("type").GetString().Should().Be("urn:webhookkit:problem:forbidden");
        }

        var logged = host.LogsWithEventId(17).Should().ContainSingle().Subject;
        logged.Level.Should().Be(LogLevel.Information);
        logged.Message.Should().Contain("127.0.0.1").And.Contain("github");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["webhookkit.outcome"].Should().Be("ip_not_allowed");
        probe.Attempts.Should().BeEmpty();
        host.ShouldNotLeak(response.BodyText, Secret);
    }

    [Theory]
    [InlineData("127.0.0.0/8")]
    [InlineData("127.0.0.1")]
    public async Task Post_FromAddressInsideAllowedRanges_Returns200(string range)
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, ["192.30.252.0/22", range]);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Theory]
    [InlineData("192.30.252.7", HttpStatusCode.OK)]
    [InlineData("198.51.100.1", HttpStatusCode.Forbidden)]
    public async Task Post_BehindUseForwardedHeaders_ChecksTheForwardedClientAddress(string forwardedFor, HttpStatusCode expected)
    {
        // Arrange: the proxy (127.0.0.1, a known proxy by default) tells the sender's address in X-Forwarded-For.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, ["192.30.252.0/22"], app =>
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
            app.MapWebhooks();
        });
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id).WithHeader("X-Forwarded-For", forwardedFor));

        // Assert
        response.StatusCode.Should().Be(expected);
        if (expected == HttpStatusCode.OK)
        {
            await probe.WaitForAsync(id);
        }
        else
        {
            host.LogsWithEventId(17).Should().ContainSingle().Which.Message.Should().Contain(forwardedFor);
        }
    }

    [Fact]
    public async Task Post_ForwardedForWithoutForwardedHeadersMiddleware_IsIgnored()
    {
        // Arrange: a sender cannot talk its way into the allow-list with a header the app does not trust.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, ["192.30.252.0/22"]);

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()).WithHeader("X-Forwarded-For", "192.30.252.7"));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        host.LogsWithEventId(17).Should().ContainSingle().Which.Message.Should().Contain("127.0.0.1");
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_FromConfiguration_AllowedIpRangesAreBound()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub().AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe),
            configureBuilder: builder =>
            {
                builder.Configuration["Webhooks:GitHub:Secrets:0"] = Secret;
                builder.Configuration["Webhooks:GitHub:AllowedIpRanges:0"] = "10.0.0.0/8";
            });

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, string[] allowedRanges, Action<WebApplication>? configureApp = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddGitHub(o =>
                {
                    o.Secrets.Add(Secret);
                    foreach (var range in allowedRanges)
                    {
                        o.AllowedIpRanges.Add(range);
                    }
                })
                .AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe),
            configureApp);
}
