using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.IntegrationTests.Providers.Conformance;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// The transport guards (<c>RequireHttps</c>, <c>AllowedIpRanges</c>) of a receiver added with <c>AddReceiver</c>: bound
/// from <c>Webhooks:{receiver}</c> as for the built-in ones, and enforced before the body is read (#16 point 6).
/// </summary>
public sealed class CustomReceiverGuardTests
{
    private const string Secret = "custom-guard-secret-7d41c0a9";

    [Fact]
    public async Task Post_PlainHttpToCustomReceiverRequiringHttpsInConfiguration_Returns403BeforeReadingTheBody()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, ("Webhooks:acme:RequireHttps", "true"));
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");

        // Act: the head of a 1 MB delivery and no body; the answer cannot have waited for it.
        var response = await SendHeadOnlyAsync(host);

        // Assert
        response.Status.Should().Be(403);
        using (var problem = JsonDocument.Parse(response.Body))
        {
            problem.RootElement.GetProperty("type").GetString().Should().Be("urn:webhookkit:problem:https-required");
        }

        host.LogsWithEventId(16).Should().ContainSingle().Which.Message.Should().Contain("acme");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["webhookkit.outcome"].Should().Be("https_required");
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_FromAddressOutsideCustomReceiverAllowedRangesInConfiguration_Returns403BeforeReadingTheBody()
    {
        // Arrange: the tests connect from 127.0.0.1.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, ("Webhooks:acme:AllowedIpRanges:0", "10.0.0.0/8"), ("Webhooks:acme:AllowedIpRanges:1", "2001:db8::/32"));
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");

        // Act
        var response = await SendHeadOnlyAsync(host);

        // Assert
        response.Status.Should().Be(403);
        using (var problem = JsonDocument.Parse(response.Body))
        {
            problem.RootElement.GetProperty("type").GetString().Should().Be("urn:webhookkit:problem:forbidden");
        }

        host.LogsWithEventId(17).Should().ContainSingle().Which.Message.Should().Contain("127.0.0.1").And.Contain("acme");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["webhookkit.outcome"].Should().Be("ip_not_allowed");
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_FromAddressInsideCustomReceiverAllowedRanges_Returns200AndIsHandled()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, ("Webhooks:acme:AllowedIpRanges:0", "10.0.0.0/8"), ("Webhooks:acme:AllowedIpRanges:1", "127.0.0.1"));
        var id = Payloads.NewId("acme-");

        // Act
        using var response = await host.Client.SendAsync(Acme(id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Fact]
    public async Task Post_PlainHttpToCustomReceiverRequiringHttpsInCode_Returns403AndAnotherCustomReceiverAccepts()
    {
        // Arrange: the AddReceiver overload that configures the guards; the option is per receiver.
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddReceiver("acme", _ => new AcmeWebhookProvider([Secret]), o => o.RequireHttps = true)
                .AddReceiver("acme-internal", _ => new AcmeWebhookProvider([Secret]))
                .AddPayloadType("acme", null, AcmeJsonContext.Default.AcmeEvent)
                .AddHandler<RecordingHandler<AcmeEvent>>(),
            services => services.AddSingleton(probe));
        var id = Payloads.NewId("acme-");

        // Act
        using var refused = await host.Client.SendAsync(Acme(Payloads.NewId("acme-")));
        using var accepted = await host.Client.SendAsync(Acme(id, "acme-internal"));

        // Assert
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        probe.Attempts.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_FromAddressOutsideCustomReceiverAllowedRangesInCode_Returns403()
    {
        // Arrange: code runs after configuration binding, so it adds to the ranges configured.
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddReceiver("acme", _ => new AcmeWebhookProvider([Secret]), o => o.AllowedIpRanges.Add("2001:db8::/32"))
                .AddPayloadType("acme", null, AcmeJsonContext.Default.AcmeEvent)
                .AddHandler<RecordingHandler<AcmeEvent>>(),
            services => services.AddSingleton(probe),
            configureBuilder: builder => builder.Configuration["Webhooks:acme:AllowedIpRanges:0"] = "10.0.0.0/8");

        // Act
        using var response = await host.Client.SendAsync(Acme(Payloads.NewId("acme-")));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        host.LogsWithEventId(17).Should().ContainSingle().Which.Message.Should().Contain("acme");
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Reload_CustomReceiverAllowedIpRangesAdded_RefusesOtherSendersAndKeepsTheProvider()
    {
        // Arrange
        var created = 0;
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddReceiver("acme", _ =>
                {
                    Interlocked.Increment(ref created);
                    return new AcmeWebhookProvider([Secret]);
                })
                .AddPayloadType("acme", null, AcmeJsonContext.Default.AcmeEvent)
                .AddHandler<RecordingHandler<AcmeEvent>>(),
            services => services.AddSingleton(probe),
            configureBuilder: builder => builder.Configuration.AddInMemoryCollection());
        var id = Payloads.NewId("acme-");
        using (var before = await host.Client.SendAsync(Acme(id)))
        {
            before.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        // Act
        Reload(host.App.Configuration, "Webhooks:acme:AllowedIpRanges:0", "10.0.0.0/8");

        // Assert
        using var after = await host.Client.SendAsync(Acme(Payloads.NewId("acme-")));
        await after.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        host.LogsWithEventId(60).Should().NotBeEmpty().And.OnlyContain(record => record.Message.Contains("acme", StringComparison.Ordinal));
        created.Should().Be(1, "the application's factory runs once, at startup; a reload rebuilds the guard around the same provider");
    }

    [Fact]
    public async Task Reload_CustomReceiverInvalidIpRange_KeepsLastValidGuards()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, ("Webhooks:acme:AllowedIpRanges:0", "127.0.0.1"));

        // Act
        try
        {
            Reload(host.App.Configuration, "Webhooks:acme:AllowedIpRanges:0", "10.0.0.1/8");
        }
        catch (AggregateException)
        {
            // OptionsMonitor's own change callback throws the validation failure to whoever reloads synchronously.
        }

        // Assert
        host.LogsWithEventId(61).Should().NotBeEmpty().And.OnlyContain(record => record.Message.Contains("Webhooks:acme:AllowedIpRanges:0", StringComparison.Ordinal));
        var id = Payloads.NewId("acme-");
        using var response = await host.Client.SendAsync(Acme(id));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, params (string Key, string Value)[] configuration) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddReceiver("acme", _ => new AcmeWebhookProvider([Secret]))
                .AddPayloadType("acme", null, AcmeJsonContext.Default.AcmeEvent)
                .AddHandler<RecordingHandler<AcmeEvent>>(),
            services => services.AddSingleton(probe),
            configureBuilder: builder => builder.Configuration.AddInMemoryCollection(configuration.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))));

    private static HttpRequestMessage Acme(string id, string receiver = "acme")
    {
        var body = Encoding.UTF8.GetBytes($$"""{"order":"{{id}}","amount":12.50}""");
        return Deliveries.Post(
            $"/webhooks/{receiver}",
            body,
            headers: [("X-Acme-Delivery", id), ("X-Acme-Event", "order.paid"), ("X-Acme-Signature", Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body)))]);
    }

    private static async Task<RawHttpResponse> SendHeadOnlyAsync(WebhookTestHost host)
    {
        var signed = Acme(Payloads.NewId("acme-"));
        await using var connection = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!);
        await connection.WriteHeadAsync("POST", "/webhooks/acme", [.. signed.Headers.Select(h => (h.Key, string.Join(",", h.Value))), ("Content-Type", "application/json")], contentLength: 1024 * 1024);
        return await connection.ReadResponseAsync();
    }

    private static void Reload(IConfiguration configuration, string key, string value)
    {
        configuration[key] = value;
        ((IConfigurationRoot)configuration).Reload();
    }
}
