namespace WebhookKit.Tests.Providers.GitHub;

/// <summary>Reads the example GitHub payloads copied to the test output directory.</summary>
internal static class GitHubPayloads
{
    public static string Read(string fileName) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Payloads", "github", fileName));
}
