using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebhookKit.GitHub;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// <c>RequireHttps</c> on a receiver: plain HTTP is refused with 403 before the body is read (outside Development),
/// while TLS and a trusted <c>X-Forwarded-Proto: https</c> (through <c>UseForwardedHeaders</c>) are accepted.
/// </summary>
public sealed class RequireHttpsTests
{
    private const string Secret = "require-https-secret-6a2f91";

    [Fact]
    public async Task Post_PlainHttpToReceiverRequiringHttps_Returns403BeforeReadingTheBodyAndIsCounted()
    {
        // Arrange: RequireHttps from configuration, as an app would set it.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, configureBuilder: builder => builder.Configuration["Webhooks:GitHub:RequireHttps"] = "true");
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");
        var signed = Deliveries.GitHub(Secret, Payloads.NewId());

        // Act: the head of a 1 MB delivery and no body at all; the answer cannot have waited for the body.
        await using var connection = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!);
        await connection.WriteHeadAsync("POST", "/webhooks/github", [.. signed.Headers.Select(h => (h.Key, string.Join(",", h.Value))), ("Content-Type", "application/json")], contentLength: 1024 * 1024);
        var response = await connection.ReadResponseAsync();

        // Assert
        response.Status.Should().Be(403);
        using (var problem = JsonDocument.Parse(response.Body))
        {
            problem.RootElement.GetProperty("type").GetString().Should().Be("urn:webhookkit:problem:https-required");
        }

        var logged = host.LogsWithEventId(16).Should().ContainSingle().Subject;
        logged.Level.Should().Be(LogLevel.Information);
        logged.Message.Should().Contain("github");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["webhookkit.outcome"].Should().Be("https_required");
        probe.Attempts.Should().BeEmpty();
        host.ShouldNotLeak(response.BodyText, Secret);
    }

    [Fact]
    public async Task Post_OverTlsToReceiverRequiringHttps_Returns200AndIsHandled()
    {
        // Arrange: Kestrel on an HTTPS endpoint with a throwaway self-signed certificate.
        using var certificate = CreateSelfSignedCertificate();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            requireHttps: true,
            configureBuilder: builder => builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate))));
        host.Client.BaseAddress!.Scheme.Should().Be("https");
        using var tls = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
        })
        { BaseAddress = host.Client.BaseAddress };
        var id = Payloads.NewId();

        // Act
        using var response = await tls.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Fact]
    public async Task Post_ForwardedProtoHttpsBehindUseForwardedHeaders_Returns200()
    {
        // Arrange: a TLS-terminating proxy on loopback (a known proxy by default) says the original scheme was https.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, requireHttps: true, configureApp: app =>
        {
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor });
            app.MapWebhooks();
        });
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id).WithHeader("X-Forwarded-Proto", "https").WithHeader("X-Forwarded-For", "192.30.252.7"));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    [Fact]
    public async Task Post_ForwardedProtoWithoutForwardedHeadersMiddleware_Returns403()
    {
        // Arrange: without UseForwardedHeaders the header is just a header anyone can send.
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, requireHttps: true);

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()).WithHeader("X-Forwarded-Proto", "https"));

        // Assert
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        probe.Attempts.Should().BeEmpty();
    }

    [Fact]
    public async Task Post_PlainHttpInDevelopment_Returns200()
    {
        // Arrange
        var probe = new HandlerProbe();
        await using var host = await StartAsync(probe, requireHttps: true, environmentName: Environments.Development);
        var id = Payloads.NewId();

        // Act
        using var response = await host.Client.SendAsync(Deliveries.GitHub(Secret, id));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK, "plain HTTP is allowed in Development, where there is usually no certificate");
        await probe.WaitForAsync(id);
    }

    [Fact]
    public async Task Post_PlainHttpToAnotherReceiverWithoutRequireHttps_Returns200()
    {
        // Arrange: the option is per receiver.
        var probe = new HandlerProbe();
        await using var host = await WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddGitHub(o =>
                {
                    o.Secrets.Add(Secret);
                    o.RequireHttps = true;
                })
                .AddGitHub("internal", o => o.Secrets.Add(Secret))
                .AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe));
        var id = Payloads.NewId();

        // Act
        using var refused = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        using var accepted = await host.Client.SendAsync(Deliveries.GitHub(Secret, id, receiver: "internal"));

        // Assert
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
    }

    private static Task<WebhookTestHost> StartAsync(
        HandlerProbe probe,
        bool requireHttps = false,
        Action<WebApplication>? configureApp = null,
        Action<WebApplicationBuilder>? configureBuilder = null,
        string? environmentName = null) =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks
                .AddGitHub(o =>
                {
                    o.Secrets.Add(Secret);
                    o.RequireHttps |= requireHttps;
                })
                .AddHandler<RecordingHandler<GitHubPushEvent>>(),
            services => services.AddSingleton(probe),
            configureApp,
            configureBuilder: configureBuilder,
            environmentName: environmentName);

    private static X509Certificate2 CreateSelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), password: null);
    }
}
