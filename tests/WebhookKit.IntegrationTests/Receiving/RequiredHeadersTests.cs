using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.Receiving;

/// <summary>
/// A request without the headers its provider cannot verify without (<see cref="IWebhookProviderPrecheck"/>) is refused
/// with 401 before its body is read: a client that asks <c>Expect: 100-continue</c> never gets <c>100 Continue</c>, and
/// its announced body is never sent.
/// </summary>
public sealed class RequiredHeadersTests
{
    private const string GitHubSecret = "gh-precheck-secret-0123456789";
    private const string SlackSecret = "slack-precheck-secret-0123456789";
    private const long AnnouncedBytes = 4 * 1024 * 1024;

    private static Task<WebhookTestHost> StartAsync() =>
        WebhookTestHost.StartAsync(webhooks => webhooks
            .AddGitHub(o => o.Secrets.Add(GitHubSecret))
            .AddSlack(o => o.Secrets.Add(SlackSecret)));

    /// <summary>Sends only a request head with <c>Expect: 100-continue</c> and a large Content-Length; the body is never written.</summary>
    private static async Task<RawHttpResponse> SendHeadOnlyAsync(WebhookTestHost host, string path, params (string Name, string Value)[] headers)
    {
        await using var connection = await RawHttpConnection.OpenAsync(host.Client.BaseAddress!);
        await connection.WriteHeadAsync("POST", path, [.. headers, ("Content-Type", "application/json"), ("Expect", "100-continue")], AnnouncedBytes);
        return await connection.ReadResponseAsync();
    }

    [Fact]
    public async Task PostGitHub_SignatureHeaderMissingWithExpectContinue_Returns401WithoutContinueOrBody()
    {
        // Arrange
        await using var host = await StartAsync();
        using var deliveries = new MetricCollector<long>(host.GetRequiredService<IMeterFactory>(), "WebhookKit", "webhookkit.deliveries");

        // Act
        var response = await SendHeadOnlyAsync(host, "/webhooks/github", ("X-GitHub-Event", "push"), ("X-GitHub-Delivery", Payloads.NewId()));

        // Assert: the first response on the wire is the 401, not an invitation to send 4 MiB.
        response.Status.Should().Be(401);
        response.HeaderValues("Content-Type").Should().ContainSingle().Which.Should().StartWith("application/problem+json");
        host.LogsWithEventId(4).Should().ContainSingle()
            .Which.Message.Should().Be("Webhook rejected by receiver github with 401 (signature_missing): X-Hub-Signature-256 missing (checked before the body was read).");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle()
            .Which.Tags["webhookkit.outcome"].Should().Be("unauthorized");
    }

    [Fact]
    public async Task PostSlack_TimestampHeaderMissingWithExpectContinue_Returns401WithoutContinue()
    {
        // Arrange: Slack needs both headers; the signature alone is not enough to be worth reading the body.
        await using var host = await StartAsync();

        // Act
        var response = await SendHeadOnlyAsync(host, "/webhooks/slack", ("X-Slack-Signature", "v0=" + new string('a', 64)));

        // Assert
        response.Status.Should().Be(401);
        host.LogsWithEventId(4).Should().ContainSingle()
            .Which.Message.Should().Contain("X-Slack-Request-Timestamp missing").And.NotContain(new string('a', 64));
    }

    [Fact]
    public async Task PostGitHub_SignatureHeaderPresentWithExpectContinue_SendsContinue()
    {
        // Arrange: a request that may verify is invited to send its body, as before.
        await using var host = await StartAsync();

        // Act
        var response = await SendHeadOnlyAsync(
            host, "/webhooks/github", ("X-GitHub-Event", "push"), ("X-GitHub-Delivery", Payloads.NewId()), ("X-Hub-Signature-256", "sha256=" + new string('0', 64)));

        // Assert
        response.Status.Should().Be(100);
    }

    [Fact]
    public async Task PostGitLab_SigningTokensOnlyAndTokenHeaderOnly_Returns401WithoutContinue()
    {
        // Arrange: with signing tokens only, X-Gitlab-Token cannot verify anything; webhook-signature is required.
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks.AddGitLab(o => o.SigningTokens.Add(Signatures.NewSigningToken())));

        // Act
        var response = await SendHeadOnlyAsync(host, "/webhooks/gitlab", ("X-Gitlab-Token", "glpat-some-token"), ("X-Gitlab-Event", "Push Hook"));

        // Assert
        response.Status.Should().Be(401);
        host.LogsWithEventId(4).Should().ContainSingle().Which.Message.Should().Contain("webhook-signature missing");
    }

    [Fact]
    public async Task PostCustomReceiver_ProviderDeclaresRequiredHeaders_RefusedBeforeReadAndReadOtherwise()
    {
        // Arrange: a provider of the application's own that declares the capability.
        var provider = new HeaderOnlyProvider();
        await using var host = await WebhookTestHost.StartAsync(webhooks => webhooks.AddReceiver("custom", _ => provider));

        // Act
        var refused = await SendHeadOnlyAsync(host, "/webhooks/custom", ("X-Other", "1"));
        using var read = await host.Client.SendAsync(Deliveries.Post("/webhooks/custom", "{}"u8.ToArray(), headers: ("X-Custom-Signature", "1")));

        // Assert
        refused.Status.Should().Be(401);
        ((int)read.StatusCode).Should().Be(401, "the provider's Read refuses everything");
        provider.Reads.Should().Be(1, "only the request that had the required header reached Read");
    }

    /// <summary>Requires <c>X-Custom-Signature</c> and refuses every request it reads.</summary>
    private sealed class HeaderOnlyProvider : IWebhookProviderPrecheck
    {
        private int _reads;

        public int Reads => Volatile.Read(ref _reads);

        public string Name => "custom";

        public IReadOnlyList<string> ForwardedHeaders => [];

        public IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; } = [["X-Custom-Signature"]];

        public WebhookProviderResult Read(WebhookRequest request)
        {
            Interlocked.Increment(ref _reads);
            return WebhookProviderResult.Unauthorized("custom signature not matching");
        }
    }
}
