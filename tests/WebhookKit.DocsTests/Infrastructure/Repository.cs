namespace WebhookKit.DocsTests.Infrastructure;

/// <summary>Finds the repository's files from the test's output directory.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    private static string FindRoot()
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
