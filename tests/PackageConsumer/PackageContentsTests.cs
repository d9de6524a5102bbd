using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace PackageConsumer;

/// <summary>
/// What nuget.org shows: each package under its own free id, with its own short readme whose links work outside the
/// repository (the packages in artifacts/packages, made by <c>dotnet pack WebhookKit.sln</c>).
/// </summary>
public sealed partial class PackageContentsTests
{
    public static TheoryData<string, string> Packages => new()
    {
        { "WebhookKitDotNet", "src/WebhookKit" },
        { "WebhookKitDotNet.Redis", "src/WebhookKit.Redis" },
        { "WebhookKitDotNet.Testing", "src/WebhookKit.Testing" },
        { "WebhookKitDotNet.Dashboard", "src/WebhookKit.Dashboard" },
    };

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_ShipsItsOwnReadme_WithAbsoluteLinksOnly(string id, string projectDirectory)
    {
        var root = RepositoryRoot();
        var package = Directory.GetFiles(Path.Combine(root, "artifacts", "packages"), $"{id}.*.nupkg")
            .Single(path => Regex.IsMatch(Path.GetFileName(path), $@"^{Regex.Escape(id)}\.\d+\.\d+\.\d+[^.]*\.nupkg$"));
        using var archive = ZipFile.OpenRead(package);

        var nuspec = XDocument.Load(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        Assert.Equal(id, metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Equal("README.md", metadata.Elements().Single(e => e.Name.LocalName == "readme").Value);

        using var reader = new StreamReader(archive.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();
        Assert.Equal(File.ReadAllText(Path.Combine(root, projectDirectory, "README.md")), readme);
        Assert.StartsWith($"# {id}", readme, StringComparison.Ordinal);
        Assert.Empty(RelativeLink().Matches(readme).Select(m => m.Value));
    }

    [GeneratedRegex(@"\]\((?!https://|#)[^)]*\)")]
    private static partial Regex RelativeLink();

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
