using System.Text.RegularExpressions;

namespace WebhookKit.DocsTests.Infrastructure;

/// <summary>The fenced code blocks of the documentation users read: README.md, docs/, SECURITY.md and each package's readme.</summary>
internal static partial class MarkdownSnippets
{
    /// <summary>Gets the files whose blocks are tested, relative to the repository root.</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        "README.md",
        "SECURITY.md",
        .. Directory.GetFiles(Repository.PathOf("docs"), "*.md").Select(Relative).Order(StringComparer.Ordinal),
        .. Directory.GetDirectories(Repository.PathOf("src")).Select(d => Path.Combine(d, "README.md")).Where(File.Exists).Select(Relative).Order(StringComparer.Ordinal),
    ];

    /// <summary>Gets every block of every file.</summary>
    public static IReadOnlyList<MarkdownSnippet> All { get; } = [.. Files.SelectMany(Read)];

    /// <summary>Gets the blocks of one language.</summary>
    public static IEnumerable<MarkdownSnippet> OfLanguage(string language) => All.Where(s => s.Language == language);

    /// <summary>Reads the blocks of one file.</summary>
    public static IEnumerable<MarkdownSnippet> Read(string file)
    {
        var lines = System.IO.File.ReadAllLines(Repository.PathOf(file));
        var heading = "";
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith('#'))
            {
                heading = lines[i].TrimStart('#').Trim();
                continue;
            }

            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var start = i;
            var code = new List<string>();
            for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
            {
                code.Add(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
            }

            yield return new MarkdownSnippet(file, start + 1, open.Groups["language"].Value, open.Groups["kind"].Value, heading, string.Join('\n', code) + "\n");
        }
    }

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');

    [GeneratedRegex(@"^(?<indent>\s*)```(?<language>[a-z]+)(?:\s+(?<kind>[a-z]+))?\s*$")]
    private static partial Regex Fence();
}
