namespace WebhookKit.Tests.Corpus;

/// <summary>The providers' own example payloads under <c>Payloads/corpus/{provider}/</c> (see the README there).</summary>
internal static class CorpusFiles
{
    private static string Root => Path.Combine(AppContext.BaseDirectory, "Payloads", "corpus");

    /// <summary>Every payload of <paramref name="provider"/> (those <paramref name="where"/> selects), by path relative to its folder (for example <c>push/payload.json</c>).</summary>
    public static TheoryData<string> Of(string provider, Func<string, bool>? where = null)
    {
        var folder = Path.Combine(Root, provider);
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relativePath = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (where is null || where(relativePath))
            {
                data.Add(relativePath);
            }
        }

        return data;
    }

    public static byte[] Read(string provider, string relativePath) =>
        File.ReadAllBytes(Path.Combine(Root, provider, relativePath));
}
