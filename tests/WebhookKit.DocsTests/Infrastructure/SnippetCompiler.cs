using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WebhookKit.DocsTests.Infrastructure;

/// <summary>
/// Compiles a documentation snippet in memory against the assemblies this test runs with (WebhookKit's four, ASP.NET
/// Core, xunit, OpenTelemetry), with the implicit usings of a <c>dotnet new web</c> app and nullable enabled.
/// </summary>
internal static class SnippetCompiler
{
    /// <summary>The implicit global usings of an app made with <c>dotnet new web</c> (Microsoft.NET.Sdk.Web).</summary>
    public static readonly string[] WebImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json",
        "System.Threading", "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration",
        "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    // A fragment may leave this much unused; everything else it warns about is a finding.
    private static readonly string[] FragmentWarningsAllowed = ["CS1998", "CS0168", "CS0219", "CS8321"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    private static readonly Lazy<ISourceGenerator[]> Generators = new(LoadGenerators);

    /// <summary>
    /// Compiles complete snippets as the files of one project: a program with top-level statements, or declarations
    /// with their usings (a block that continues another is compiled with it).
    /// </summary>
    public static IReadOnlyList<Diagnostic> CompileComplete(params string[] files)
    {
        var trees = files.Select((code, i) => Parse(code, $"snippet{i}.cs")).ToArray();
        var isProgram = trees.Any(tree => tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any());
        return Compile(trees, isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, []);
    }

    /// <summary>
    /// Compiles a fragment as the body of an async method that has the variables the documentation's fragments use
    /// (<paramref name="harness"/>), with every WebhookKit namespace imported.
    /// </summary>
    public static IReadOnlyList<Diagnostic> CompileFragment(string code, string harness)
    {
        var usings = string.Join('\n', WebhookKitNamespaces().Select(n => $"using {n};"));
        var source = $"{usings}\n{harness.Replace("/*FRAGMENT*/", "\n#line 1\n" + code + "\n#line default\n", StringComparison.Ordinal)}";
        return Compile([Parse(source, "fragment.cs")], OutputKind.DynamicallyLinkedLibrary, FragmentWarningsAllowed);
    }

    private static SyntaxTree Parse(string code, string path) =>
        CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: path);

    private static IReadOnlyList<Diagnostic> Compile(SyntaxTree[] trees, OutputKind kind, string[] allowedWarnings)
    {
        var globalUsings = CSharpSyntaxTree.ParseText(
            string.Join('\n', WebImplicitUsings.Select(n => $"global using global::{n};")),
            new CSharpParseOptions(LanguageVersion.Latest),
            path: "GlobalUsings.g.cs");
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [globalUsings, .. trees],
            References.Value,
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(Generators.Value, parseOptions: (CSharpParseOptions)globalUsings.Options)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        using var output = new MemoryStream();
        var emitted = generated.Emit(output);
        return [.. generatorDiagnostics.Concat(emitted.Diagnostics).Where(d =>
            d.Severity == DiagnosticSeverity.Error ||
            (d.Severity == DiagnosticSeverity.Warning && !allowedWarnings.Contains(d.Id, StringComparer.Ordinal)))];
    }

    private static IEnumerable<string> WebhookKitNamespaces() =>
        new[] { "WebhookKit", "WebhookKit.Redis", "WebhookKit.Testing", "WebhookKit.Dashboard" }
            .Select(Assembly.Load)
            .SelectMany(a => a.GetExportedTypes())
            .Select(t => t.Namespace)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The SDK's source generators a snippet may rely on, as a real build runs them: System.Text.Json's (a snippet's
    /// <c>JsonSerializerContext</c>), and the logging and regex generators.
    /// </summary>
    private static ISourceGenerator[] LoadGenerators()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = new[] { "Microsoft.NETCore.App.Ref", "Microsoft.AspNetCore.App.Ref" }
            .Select(pack => Path.Combine(dotnetRoot, "packs", pack))
            .Where(Directory.Exists)
            .Select(pack => Directory.GetDirectories(pack).OrderBy(v => Version.TryParse(Path.GetFileName(v).Split('-')[0], out var version) ? version : new Version()).Last())
            .ToList();
        packs.Should().NotBeEmpty("the .NET SDK's targeting packs are under {0}", dotnetRoot);
        return [.. packs
            .Select(pack => Path.Combine(pack, "analyzers", "dotnet", "cs"))
            .Where(Directory.Exists)
            .SelectMany(directory => Directory.GetFiles(directory, "*.dll"))
            .Where(path => Path.GetFileName(path) is "System.Text.Json.SourceGeneration.dll" or "Microsoft.Extensions.Logging.Generators.dll" or "System.Text.RegularExpressions.Generator.dll")
            .SelectMany(path => LoadableTypes(Assembly.LoadFrom(path)))
            .Where(type => !type.IsAbstract && type.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(type => Activator.CreateInstance(type) switch
            {
                IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                ISourceGenerator generator => generator,
                _ => throw new InvalidOperationException($"{type} is not a generator"),
            })];
    }

    // The generator assemblies also hold code fixes, whose types need Roslyn's Workspaces: skip those, keep the rest.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException partial)
        {
            return partial.Types.OfType<Type>();
        }
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var trusted = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        return [.. trusted.Split(Path.PathSeparator)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(path => !Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path))];
    }
}
