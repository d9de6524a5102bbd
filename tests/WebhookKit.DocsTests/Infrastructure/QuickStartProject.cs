using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace WebhookKit.DocsTests.Infrastructure;

/// <summary>
/// The README's Quick start as a user makes it: its <c>Program.cs</c> in a new <c>Microsoft.NET.Sdk.Web</c> project
/// (nullable and implicit usings on, as <c>dotnet new web</c> makes it; warnings as errors), referencing the WebhookKit
/// assembly this test was built with, built once by <c>dotnet build</c> in a temporary folder.
/// </summary>
public sealed partial class QuickStartProject : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "webhookkit-quickstart-" + Guid.NewGuid().ToString("N"));

    /// <summary>Gets the Quick start's <c>Program.cs</c>, as the README shows it.</summary>
    public string Program { get; } = QuickStartBlock("csharp", "app.MapWebhooks()");

    /// <summary>Gets the README's curl command that sends a test delivery.</summary>
    public string CurlCommand { get; } = QuickStartBlock("bash", "curl ");

    /// <summary>Gets the configuration keys the README sets with <c>dotnet user-secrets set</c>.</summary>
    public IReadOnlyList<string> SecretKeys { get; } =
        [.. UserSecretsSet().Matches(QuickStartBlock("bash", "dotnet user-secrets set")).Select(m => m.Groups["key"].Value)];

    private string AssemblyPath => Path.Combine(_directory, "bin", "Release", "net10.0", "Hooks.dll");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "Program.cs"), Program);
        await File.WriteAllTextAsync(Path.Combine(_directory, "Hooks.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk.Web">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Path.Combine(AppContext.BaseDirectory, "WebhookKit.dll")}" />
                <Reference Include="{Path.Combine(AppContext.BaseDirectory, "Polly.Core.dll")}" />
              </ItemGroup>
            </Project>
            """);
        var (exitCode, output) = await ExternalProcess.RunAsync("dotnet", ["build", "-c", "Release", "-nodeReuse:false"], _directory, TimeSpan.FromMinutes(5));
        if (exitCode != 0)
        {
            throw new InvalidOperationException("The README's Quick start does not build as pasted:\n" + output);
        }
    }

    /// <summary>Starts the built app on a free loopback port, with the given configuration as environment variables.</summary>
    internal async Task<(ExternalProcess App, string Address)> StartAsync(IReadOnlyDictionary<string, string?> environment)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var app = ExternalProcess.Start("dotnet", [AssemblyPath, "--urls", address], _directory, environment);
        if (!await app.WaitForOutputAsync("Now listening on", TimeSpan.FromSeconds(60)))
        {
            var output = app.Output;
            app.Dispose();
            throw new InvalidOperationException("The Quick start did not start listening:\n" + output);
        }

        return (app, address);
    }

    /// <summary>Runs the built app until it exits (or 60 s pass) and returns its exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string?> environment) =>
        ExternalProcess.RunAsync("dotnet", [AssemblyPath, "--urls", $"http://127.0.0.1:{FreePort()}"], _directory, TimeSpan.FromSeconds(60), environment);

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }

        return Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first block of <paramref name="language"/> in the README's Quick start that contains <paramref name="marker"/>.</summary>
    private static string QuickStartBlock(string language, string marker) =>
        MarkdownSnippets.Read("README.md")
            .Where(s => s.Heading == "Quick start" && s.Language == language)
            .FirstOrDefault(s => s.Code.Contains(marker, StringComparison.Ordinal))?.Code
        ?? throw new InvalidOperationException($"README.md's Quick start has no {language} block with '{marker}'.");

    [GeneratedRegex("""dotnet user-secrets set "(?<key>[^"]+)" """)]
    private static partial Regex UserSecretsSet();
}
