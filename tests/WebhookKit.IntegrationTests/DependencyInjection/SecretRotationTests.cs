using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using WebhookKit.IntegrationTests.Infrastructure;

namespace WebhookKit.IntegrationTests.DependencyInjection;

/// <summary>
/// Secrets rotated by editing configuration that reloads (a real JSON file with <c>reloadOnChange</c>), without a
/// restart: the new set takes effect, the old one stops working, and an invalid reload keeps the last valid set.
/// </summary>
public sealed class SecretRotationTests : IDisposable
{
    private static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("webhookkit-rotation-").FullName;

    // Polling (rather than inotify, which may be exhausted or missing on a shared machine) makes the reload certain;
    // it looks every few seconds.
    private readonly PhysicalFileProvider _files;

    private readonly string _secretA = "rotation-secret-a-" + Guid.NewGuid().ToString("N");
    private readonly string _secretB = "rotation-secret-b-" + Guid.NewGuid().ToString("N");

    public SecretRotationTests()
    {
        _files = new PhysicalFileProvider(_directory) { UsePollingFileWatcher = true, UseActivePolling = true };
    }

    [Fact]
    public async Task AddGitHub_SecretReplacedInReloadingFile_AcceptsOnlyTheNewSecret()
    {
        // Arrange
        WriteSecrets(_secretA);
        await using var host = await StartAsync();
        using var before = await host.Client.SendAsync(Deliveries.GitHub(_secretA, Payloads.NewId()));
        before.StatusCode.Should().Be(HttpStatusCode.OK);

        // Act
        WriteSecrets(_secretB);

        // Assert
        await WaitForStatusAsync(host, _secretB, HttpStatusCode.OK, "a delivery signed with the new secret is accepted");
        using var withOld = await host.Client.SendAsync(Deliveries.GitHub(_secretA, Payloads.NewId()));
        await withOld.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        host.LogsWithEventId(60).Should().NotBeEmpty("a reload is logged");
        AssertNoSecretLogged(host);
    }

    [Fact]
    public async Task AddGitHub_ReloadWithNoSecrets_KeepsLastValidSecretsAndLogsError()
    {
        // Arrange
        WriteSecrets(_secretA);
        await using var host = await StartAsync();
        WriteSecrets(_secretB);
        await WaitForStatusAsync(host, _secretB, HttpStatusCode.OK, "a delivery signed with the new secret is accepted");

        // Act
        WriteSecrets();

        // Assert
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(61).Count > 0, "the invalid reload is logged", ReloadTimeout);
        var error = host.LogsWithEventId(61)[0];
        error.Level.Should().Be(LogLevel.Error);
        error.Message.Should().Contain("'github'").And.Contain("Webhooks:github");
        using var withB = await host.Client.SendAsync(Deliveries.GitHub(_secretB, Payloads.NewId()));
        withB.StatusCode.Should().Be(HttpStatusCode.OK, "the last valid secrets are kept");
        using var withA = await host.Client.SendAsync(Deliveries.GitHub(_secretA, Payloads.NewId()));
        await withA.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        AssertNoSecretLogged(host);
    }

    [Fact]
    public async Task AddGitHub_ReloadWithShortSecret_KeepsLastValidSecretsAndNamesTheKey()
    {
        // Arrange
        WriteSecrets(_secretA);
        await using var host = await StartAsync();

        // Act
        WriteSecrets(_secretA, "short-leaked");

        // Assert
        await Eventually.WaitUntilAsync(() => host.LogsWithEventId(61).Count > 0, "the invalid reload is logged", ReloadTimeout);
        host.LogsWithEventId(61)[0].Message.Should().Contain("Webhooks:github:Secrets:1").And.NotContain("short-leaked");
        using var withA = await host.Client.SendAsync(Deliveries.GitHub(_secretA, Payloads.NewId()));
        withA.StatusCode.Should().Be(HttpStatusCode.OK);
        host.Logs.GetSnapshot().Should().NotContain(record => record.Message.Contains("short-leaked", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _files.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
    }

    private Task<WebhookTestHost> StartAsync() =>
        WebhookTestHost.StartAsync(
            webhooks => webhooks.AddGitHub(),
            configureBuilder: builder => builder.Configuration.AddJsonFile(_files, "webhooks.json", optional: false, reloadOnChange: true));

    private void WriteSecrets(params string[] secrets)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Webhooks"] = new Dictionary<string, object> { ["GitHub"] = new Dictionary<string, object> { ["Secrets"] = secrets } },
        });

        // Written beside and moved over, so a reload never reads half a file.
        var path = Path.Combine(_directory, "webhooks.json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, path, overwrite: true);
    }

    private static async Task WaitForStatusAsync(WebhookTestHost host, string secret, HttpStatusCode expected, string because)
    {
        using var deadline = new CancellationTokenSource(ReloadTimeout);
        while (true)
        {
            using (var response = await host.Client.SendAsync(Deliveries.GitHub(secret, Payloads.NewId())))
            {
                if (response.StatusCode == expected)
                {
                    return;
                }
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out waiting until {because} ({expected}).");
            }
        }
    }

    private void AssertNoSecretLogged(WebhookTestHost host)
    {
        foreach (var record in host.Logs.GetSnapshot())
        {
            var text = record.Message + record.Exception;
            text.Should().NotContain(_secretA).And.NotContain(_secretB);
        }
    }
}
