using System.Text.Json;

namespace WebhookKit.IntegrationTests.Samples;

/// <summary>
/// The sample's secrets are published with the repository, so only its demo may read them: the configuration files an
/// app run "for real" loads (appsettings.json, appsettings.{Environment}.json) hold none.
/// </summary>
public sealed class SampleSecretsTests
{
    private static readonly string SampleDirectory = Path.Combine(RepositoryRoot(), "samples", "WebhookKit.Sample");

    [Fact]
    public void ConfigurationOfARealRun_HasNoSecretOrToken()
    {
        // Every appsettings*.json but the demo's: what any environment of a real run may load.
        var files = Directory.GetFiles(SampleDirectory, "appsettings*.json")
            .Where(static path => !Path.GetFileName(path).Equals("appsettings.Demo.json", StringComparison.OrdinalIgnoreCase))
            .ToList();
        files.Select(Path.GetFileName).Should().Contain(["appsettings.json", "appsettings.Development.json"]);

        foreach (var path in files)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            SecretKeys(json.RootElement, string.Empty).Should().BeEmpty($"{Path.GetFileName(path)} is read by every run of the sample, not only the demo");
        }
    }

    [Fact]
    public void DemoSecrets_AreInTheDemoFileOnly()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleDirectory, "appsettings.Demo.json")));

        SecretKeys(json.RootElement, string.Empty).Should().Contain(["Webhooks:GitHub:Secrets", "Webhooks:GitLab:SigningTokens"]);
        File.ReadAllText(Path.Combine(SampleDirectory, "Program.cs")).Should().Contain("DemoRunner.SecretsFile");
    }

    private static IEnumerable<string> SecretKeys(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in element.EnumerateObject())
        {
            var key = path.Length == 0 ? property.Name : $"{path}:{property.Name}";
            if (property.Name is "Secrets" or "SigningTokens")
            {
                yield return key;
            }

            foreach (var nested in SecretKeys(property.Value, key))
            {
                yield return nested;
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WebhookKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("WebhookKit.sln not found above " + AppContext.BaseDirectory);
    }
}
