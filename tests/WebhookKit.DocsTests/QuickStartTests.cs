using System.Text.RegularExpressions;
using WebhookKit.DocsTests.Infrastructure;

namespace WebhookKit.DocsTests;

/// <summary>
/// The README's Quick start, run as pasted: built as a new web app, started with its secrets set the way the README
/// sets them (configuration keys; here as environment variables), and sent the README's own curl command.
/// </summary>
public sealed partial class QuickStartTests(QuickStartProject quickStart) : IClassFixture<QuickStartProject>
{
    private const string GitHubSecret = "quick-start-github-secret-0123456789";

    [Fact]
    public void TheReadme_SetsOneSecretPerReceiver_AsConfigurationKeys()
    {
        quickStart.SecretKeys.Should().Equal("Webhooks:GitHub:Secrets:0", "Webhooks:Stripe:Secrets:0");
    }

    [Fact]
    public async Task CurlCommand_AgainstTheRunningQuickStart_Is200_HandledOnce_AndAForgedOneIs401()
    {
        // Arrange
        var (app, address) = await quickStart.StartAsync(Secrets());
        using var running = app;

        // Act
        var first = await CurlAsync(address, GitHubSecret);
        var handled = await app.WaitForOutputAsync("0 commits pushed to refs/heads/main", TimeSpan.FromSeconds(30));
        var again = await CurlAsync(address, GitHubSecret);
        var forged = await CurlAsync(address, "not-the-secret-0123456789");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a second run of the handler, if any, would log by now

        // Assert
        first.Should().MatchRegex(@"^HTTP/1\.1 200", "the README's curl command is accepted");
        handled.Should().BeTrue("the Quick start's PushHandler logs the push:\n{0}", app.Output);
        again.Should().MatchRegex(@"^HTTP/1\.1 200", "a duplicate is answered 200");
        forged.Should().MatchRegex(@"^HTTP/1\.1 401", "a wrong secret is refused");
        HandlerRuns().Matches(app.Output).Should().HaveCount(1, "the duplicate does not run the handler again");
        app.Output.Should().NotContain(GitHubSecret).And.NotContain("not-the-secret-0123456789");
    }

    [Fact]
    public async Task QuickStart_WithoutItsSecrets_StopsAtStartup_NamingTheKey()
    {
        // Act
        var (exitCode, output) = await quickStart.RunToExitAsync(new Dictionary<string, string?>());

        // Assert
        exitCode.Should().NotBe(0);
        output.Should().Contain("'Webhooks:github:Secrets:0'");
    }

    [Fact]
    public async Task QuickStart_WithTheReadmesPlaceholderPasted_StopsAtStartup()
    {
        // Arrange: the user-secrets commands run exactly as written, placeholders and all.
        var pasted = UserSecretsValue().Matches(QuickStartBlockText()).ToDictionary(
            m => EnvironmentName(m.Groups["key"].Value), m => (string?)m.Groups["value"].Value);

        // Act
        var (exitCode, output) = await quickStart.RunToExitAsync(pasted);

        // Assert
        pasted.Should().HaveCount(2);
        exitCode.Should().NotBe(0);
        output.Should().Contain("has a placeholder at 'Webhooks:github:Secrets:0'");
    }

    private Dictionary<string, string?> Secrets() => new()
    {
        [EnvironmentName(quickStart.SecretKeys[0])] = GitHubSecret,
        [EnvironmentName(quickStart.SecretKeys[1])] = "whsec_quick_start_stripe_0123456789",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };

    /// <summary>Runs the README's curl command with its <c>secret=</c> and <c>app=</c> lines set to this test's values.</summary>
    private async Task<string> CurlAsync(string address, string secret)
    {
        var script = SecretLine().Replace(quickStart.CurlCommand, $"secret='{secret}'");
        script = AppLine().Replace(script, $"app='{address}'");
        script.Should().Contain(secret).And.Contain(address);
        var (exitCode, output) = await ExternalProcess.RunAsync("bash", ["-c", script], Path.GetTempPath(), TimeSpan.FromSeconds(30));
        exitCode.Should().Be(0, output);
        return output;
    }

    private static string QuickStartBlockText() =>
        string.Concat(MarkdownSnippets.Read("README.md").Where(s => s.Heading == "Quick start" && s.Language == "bash").Select(s => s.Code));

    private static string EnvironmentName(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    [GeneratedRegex("^secret=.*$", RegexOptions.Multiline)]
    private static partial Regex SecretLine();

    [GeneratedRegex("^app=.*$", RegexOptions.Multiline)]
    private static partial Regex AppLine();

    [GeneratedRegex("commits pushed to refs/heads/main")]
    private static partial Regex HandlerRuns();

    [GeneratedRegex("""dotnet user-secrets set "(?<key>[^"]+)" "(?<value>[^"]+)" """)]
    private static partial Regex UserSecretsValue();
}
