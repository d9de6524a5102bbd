using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.GitHub;
using WebhookKit.GitLab;
using WebhookKit.IntegrationTests.Infrastructure;
using WebhookKit.Stripe;

namespace WebhookKit.IntegrationTests.DependencyInjection;

/// <summary>Secrets and options bound from configuration (the "Webhooks" section), as in appsettings.json or environment variables.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public async Task AddGitHub_SecretFromConfiguration_VerifiesDeliveries()
    {
        // Arrange
        const string secret = "gh-config-secret-11ab";
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            new() { ["Webhooks:GitHub:Secrets:0"] = secret },
            webhooks => webhooks.AddGitHub().AddHandler<RecordingHandler<GitHubPushEvent>>());
        var id = Payloads.NewId();

        // Act
        using var signed = await host.Client.SendAsync(Deliveries.GitHub(secret, id));
        using var wrong = await host.Client.SendAsync(Deliveries.GitHub("not-configured", Payloads.NewId()));

        // Assert
        signed.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AddGitHub_SecretsFromConfigurationAndCode_AcceptsBoth()
    {
        // Arrange
        const string fromConfig = "gh-config-secret-22cd";
        const string fromCode = "gh-code-secret-33ef";
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            new() { ["Webhooks:GitHub:Secrets:0"] = fromConfig },
            webhooks => webhooks.AddGitHub(o => o.Secrets.Add(fromCode)).AddHandler<RecordingHandler<GitHubPushEvent>>());
        var configId = Payloads.NewId();
        var codeId = Payloads.NewId();

        // Act
        using var withConfig = await host.Client.SendAsync(Deliveries.GitHub(fromConfig, configId));
        using var withCode = await host.Client.SendAsync(Deliveries.GitHub(fromCode, codeId));

        // Assert
        withConfig.StatusCode.Should().Be(HttpStatusCode.OK);
        withCode.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(configId);
        await probe.WaitForAsync(codeId);
    }

    [Fact]
    public async Task AddGitHub_NamedReceiverFromConfiguration_UsesItsOwnSection()
    {
        // Arrange
        const string orgBSecret = "gh-org-b-config-44aa";
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            new()
            {
                ["Webhooks:GitHub:Secrets:0"] = "default-receiver-secret",
                ["Webhooks:org-b:Secrets:0"] = orgBSecret,
                ["Webhooks:org-b:AllowSha1Signatures"] = "true",
            },
            webhooks => webhooks.AddGitHub().AddGitHub("org-b", null).AddHandler<RecordingHandler<GitHubPushEvent>>());
        var id = Payloads.NewId();
        var body = Payloads.GitHubPush();
        using var sha1Only = Deliveries.GitHub(orgBSecret, id, body: body, receiver: "org-b")
            .WithHeader("X-Hub-Signature-256", null)
            .WithHeader("X-Hub-Signature", Signatures.GitHubSha1(orgBSecret, body));

        // Act
        using var response = await host.Client.SendAsync(sha1Only);
        using var toDefault = await host.Client.SendAsync(Deliveries.GitHub(orgBSecret, Payloads.NewId()));

        // Assert
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        probe.Calls.Should().ContainSingle().Which.ReceiverName.Should().Be("org-b");
        await toDefault.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AddGitLab_TokensFromConfiguration_VerifyDeliveries()
    {
        // Arrange
        const string token = "gl-config-token-55bb";
        var signingToken = Signatures.NewSigningToken();
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            new() { ["Webhooks:GitLab:Secrets:0"] = token, ["Webhooks:GitLab:SigningTokens:0"] = signingToken },
            webhooks => webhooks.AddGitLab().AddHandler<RecordingHandler<GitLabPushEvent>>());
        var uuid = Guid.NewGuid().ToString();
        var webhookId = Payloads.NewId("msg_");

        // Act
        using var byToken = await host.Client.SendAsync(Deliveries.GitLabToken(token, uuid));
        using var bySignature = await host.Client.SendAsync(Deliveries.GitLabSigned(signingToken, webhookId));

        // Assert
        byToken.StatusCode.Should().Be(HttpStatusCode.OK);
        bySignature.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(uuid);
        await probe.WaitForAsync(webhookId);
    }

    [Fact]
    public async Task AddStripe_SecretAndToleranceFromConfiguration_AreUsed()
    {
        // Arrange
        const string secret = "whsec_config66cc77dd88ee";
        var probe = new HandlerProbe();
        await using var host = await StartAsync(
            probe,
            new() { ["Webhooks:Stripe:Secrets:0"] = secret, ["Webhooks:Stripe:Tolerance"] = "00:00:30" },
            webhooks => webhooks.AddStripe().AddHandler<RecordingHandler<StripeEvent>>());
        var id = Payloads.NewId("evt_");

        // Act
        using var fresh = await host.Client.SendAsync(Deliveries.Stripe(secret, Payloads.StripeEvent(id)));
        using var twoMinutesOld = await host.Client.SendAsync(Deliveries.Stripe(secret, Payloads.StripeEvent(Payloads.NewId("evt_")), Signatures.Now() - 120));

        // Assert
        fresh.StatusCode.Should().Be(HttpStatusCode.OK);
        await probe.WaitForAsync(id);
        await twoMinutesOld.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AddWebhooks_LimitsFromConfiguration_AreEnforced()
    {
        // Arrange
        const string secret = "gh-config-limits-99ff";
        await using var host = await StartAsync(
            new HandlerProbe(),
            new()
            {
                ["Webhooks:GitHub:Secrets:0"] = secret,
                ["Webhooks:MaxBodyBytes"] = "1024",
                ["Webhooks:RetryAfter"] = "00:00:42",
            },
            webhooks => webhooks.AddGitHub().AddHandler<RecordingHandler<GitHubPushEvent>>());
        var body = Encoding.UTF8.GetBytes("{\"ref\":\"" + new string('x', 2048) + "\"}");

        // Act
        using var tooLarge = await host.Client.SendAsync(Deliveries.GitHub(secret, Payloads.NewId(), body: body));
        host.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();
        using var stopping = await host.Client.SendAsync(Deliveries.GitHub(secret, Payloads.NewId()));

        // Assert
        await tooLarge.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await stopping.ShouldBeUnavailableAsync(TimeSpan.FromSeconds(42));
    }

    private static Task<WebhookTestHost> StartAsync(HandlerProbe probe, Dictionary<string, string?> configuration, Action<IWebhooksBuilder> configure) =>
        WebhookTestHost.StartAsync(
            configure,
            services => services.AddSingleton(probe),
            configureBuilder: builder => builder.Configuration.AddInMemoryCollection(configuration));
}
