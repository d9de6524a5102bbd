using Microsoft.Playwright;

namespace WebhookKit.Dashboard.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium for the test run, driven by Playwright with <c>ExecutablePath</c> set (nothing is
/// downloaded). A missing browser fails the tests with how to install it; <c>.ci/run</c> installs it.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("WEBHOOKKIT_CHROMIUM") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            throw new InvalidOperationException(
                $"The dashboard's browser tests need Chromium at {ExecutablePath}: 'apt-get update && apt-get install -y chromium' "
                + "(or set WEBHOOKKIT_CHROMIUM to its path)." + (ci ? " CI=true: this is a failure, not a skip." : string.Empty));
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ChromiumTests : ICollectionFixture<Chromium>
{
    public const string Name = "chromium";
}
