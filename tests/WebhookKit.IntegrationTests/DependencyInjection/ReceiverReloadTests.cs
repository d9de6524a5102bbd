using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.DependencyInjection;

/// <summary>
/// A receiver's other options reload with its secrets (configuration reloaded in process, so the swap is immediate),
/// and a stopped host stops listening.
/// </summary>
public sealed class ReceiverReloadTests
{
    private const string Secret = "reload-secret-0123456789abcdef";

    [Fact]
    public async Task Reload_AllowedIpRangesAdded_RefusesOtherSenders()
    {
        // Arrange
        await using var host = await StartAsync();
        using var before = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        before.StatusCode.Should().Be(HttpStatusCode.OK);

        // Act
        Reload(host.App.Configuration, "Webhooks:GitHub:AllowedIpRanges:0", "10.0.0.0/8");

        // Assert
        using var after = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        await after.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        host.LogsWithEventId(60).Should().NotBeEmpty().And.OnlyContain(record => record.Message.Contains("github", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reload_InvalidIpRange_KeepsLastValidOptions()
    {
        // Arrange
        await using var host = await StartAsync();

        // Act
        try
        {
            Reload(host.App.Configuration, "Webhooks:GitHub:AllowedIpRanges:0", "10.0.0.1/8");
        }
        catch (AggregateException)
        {
            // OptionsMonitor's own change callback throws the validation failure to whoever reloads synchronously.
        }

        // Assert
        host.LogsWithEventId(61).Should().NotBeEmpty().And.OnlyContain(record => record.Message.Contains("Webhooks:github:AllowedIpRanges:0", StringComparison.Ordinal));
        using var after = await host.Client.SendAsync(Deliveries.GitHub(Secret, Payloads.NewId()));
        after.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Reload_AfterHostDisposed_DoesNotRebuild()
    {
        // Arrange
        var host = await StartAsync();
        var configuration = host.App.Configuration;
        var logs = host.Logs;
        await host.DisposeAsync();

        // Act
        Reload(configuration, "Webhooks:GitHub:Secrets:0", "reload-secret-after-disposal-0123");

        // Assert
        logs.GetSnapshot().Should().NotContain(record => record.Id.Id == 60 || record.Id.Id == 61 || record.Id.Id == 62);
    }

    private static Task<WebhookTestHost> StartAsync() =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(),
            configureBuilder: builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Webhooks:GitHub:Secrets:0"] = Secret }));

    private static void Reload(IConfiguration configuration, string key, string value)
    {
        configuration[key] = value;
        ((IConfigurationRoot)configuration).Reload();
    }
}
