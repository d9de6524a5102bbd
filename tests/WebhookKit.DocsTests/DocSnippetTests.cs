using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using WebhookKit.DocsTests.Infrastructure;

namespace WebhookKit.DocsTests;

/// <summary>
/// The documentation cannot drift from the API: every C# block of README.md, docs/, SECURITY.md and the package readmes
/// compiles, every JSON block parses, and every package reference names a package this repository makes, at its
/// version. The rules for writing blocks are in docs/architecture.md, "Documentation is tested".
/// </summary>
public sealed partial class DocSnippetTests
{
    /// <summary>What a fragment may use without declaring it: the variables the documentation's fragments share.</summary>
    private const string FragmentHarness = """
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Logging;

        internal static class Fragment
        {
            internal static async Task RunAsync(
                WebApplicationBuilder builder,
                WebApplication app,
                IHeaderDictionary headers,
                byte[] rawBody,
                string gitHubSecret,
                string stripeSigningSecret,
                string deliveryId,
                ILogger logger,
                CancellationToken ct)
            {
                /*FRAGMENT*/
            }
        }

        internal sealed class PushHandler : IWebhookHandler<WebhookKit.GitHub.GitHubPushEvent>
        {
            public Task HandleAsync(WebhookEvent<WebhookKit.GitHub.GitHubPushEvent> webhook, CancellationToken cancellationToken) => Task.CompletedTask;
        }
        """;

    private const string NoVersion = "(no version)";

    public static TheoryData<string> CSharpBlocks => [.. MarkdownSnippets.OfLanguage("csharp").Where(s => s.Kind != "excerpt").Select(s => s.Location)];

    public static TheoryData<string> JsonBlocks => [.. MarkdownSnippets.OfLanguage("json").Select(s => s.Location)];

    [Fact]
    public void TheDocumentation_HasBlocksOfEachKind_SoTheTheoriesBelowTestSomething()
    {
        MarkdownSnippets.Files.Should().Contain(["README.md", "docs/providers.md", "src/WebhookKit/README.md"]);
        MarkdownSnippets.OfLanguage("csharp").Count(s => s.Kind == "").Should().BeGreaterThan(5);
        MarkdownSnippets.OfLanguage("csharp").Count(s => s.Kind == "fragment").Should().BeGreaterThan(3);
        MarkdownSnippets.OfLanguage("json").Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CSharpBlocks))]
    public void CSharpBlock_Compiles(string location)
    {
        var snippet = Find(location);

        var diagnostics = snippet.Kind switch
        {
            "" => SnippetCompiler.CompileComplete(snippet.Code),
            "continued" => SnippetCompiler.CompileComplete(Continued(snippet).Code, snippet.Code),
            "fragment" => SnippetCompiler.CompileFragment(snippet.Code, FragmentHarness),
            _ => throw new InvalidOperationException($"{location}: unknown block kind '{snippet.Kind}' (csharp, csharp continued, csharp fragment or csharp excerpt)"),
        };

        diagnostics.Select(d => $"{location} (+{d.Location.GetMappedLineSpan().StartLinePosition.Line + 1}): {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Should().BeEmpty("the block under \"{0}\" must compile as pasted", snippet.Heading);
    }

    [Fact]
    public void FrontPageAndPackageReadmes_HoldOnlyCompleteBlocks()
    {
        var partial = MarkdownSnippets.All
            .Where(s => s.File == "README.md" || s.File.StartsWith("src/", StringComparison.Ordinal))
            .Where(s => s.Language == "csharp" && s.Kind != "")
            .Select(s => s.Location);

        partial.Should().BeEmpty("what a newcomer copies first must be complete, usings included");
    }

    [Fact]
    public void ExcerptBlocks_AreFew_AndOnlyInTheContributorPages()
    {
        var excerpts = MarkdownSnippets.All.Where(s => s.Kind == "excerpt").ToList();

        excerpts.Select(s => s.File).Should().OnlyContain(f => f == "docs/writing-a-provider.md" || f == "docs/architecture.md");
        excerpts.Should().HaveCountLessThanOrEqualTo(2);
    }

    [Theory]
    [MemberData(nameof(JsonBlocks))]
    public void JsonBlock_Parses(string location)
    {
        var snippet = Find(location);

        var parse = () => JsonDocument.Parse(snippet.Code, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).Dispose();

        parse.Should().NotThrow("{0} is JSON a user pastes into appsettings.json", location);
    }

    [Fact]
    public void EveryPackageReference_NamesAPackageOfThisRepository_AtItsVersion()
    {
        var packages = PackagesOfThisRepository();
        var references = MarkdownSnippets.All
            .Where(s => s.Language is "xml" or "bash")
            .SelectMany(s => PackageMentions(s).Select(m => (s.Location, m.Id, m.Version)))
            .ToList();

        references.Should().NotBeEmpty();
        // A package's own readme is read on nuget.org beside the version it describes, so it may leave the version out.
        references.Where(r => r.Id.StartsWith("WebhookKit", StringComparison.Ordinal))
            .Where(r => !packages.TryGetValue(r.Id, out var version) || (r.Version != version && !(r.Version == NoVersion && r.Location.StartsWith("src/", StringComparison.Ordinal))))
            .Select(r => $"{r.Location}: {r.Id} {r.Version}")
            .Should().BeEmpty("the documentation installs {0}", string.Join(", ", packages.Select(p => $"{p.Key} {p.Value}")));
    }

    private static IEnumerable<(string Id, string Version)> PackageMentions(MarkdownSnippet snippet)
    {
        foreach (Match match in PackageReferenceElement().Matches(snippet.Code))
        {
            yield return (match.Groups["id"].Value, match.Groups["version"].Value);
        }

        foreach (Match match in AddPackageCommand().Matches(snippet.Code))
        {
            yield return (match.Groups["id"].Value, match.Groups["version"].Success ? match.Groups["version"].Value : NoVersion);
        }
    }

    private static Dictionary<string, string> PackagesOfThisRepository()
    {
        var props = XDocument.Load(Repository.PathOf("Directory.Build.props"));
        var version = props.Descendants("VersionPrefix").Single().Value;
        return Directory.GetFiles(Repository.PathOf("src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => XDocument.Load(path).Descendants("PackageId").SingleOrDefault()?.Value)
            .OfType<string>()
            .ToDictionary(id => id, _ => version, StringComparer.Ordinal);
    }

    /// <summary>The complete C# block a <c>csharp continued</c> block continues: the nearest one above it in its file.</summary>
    private static MarkdownSnippet Continued(MarkdownSnippet snippet) =>
        MarkdownSnippets.All.Last(s => s.File == snippet.File && s.Line < snippet.Line && s.Language == "csharp" && s.Kind == "");

    private static MarkdownSnippet Find(string location) => MarkdownSnippets.All.Single(s => s.Location == location);

    [GeneratedRegex("""<PackageReference Include="(?<id>[^"]+)" Version="(?<version>[^"]+)" />""")]
    private static partial Regex PackageReferenceElement();

    [GeneratedRegex(@"dotnet add package (?<id>\S+)(?: --version (?<version>\S+))?")]
    private static partial Regex AddPackageCommand();
}
