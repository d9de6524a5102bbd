using System.Collections.Frozen;
using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace WebhookKit.Dashboard.Internal;

/// <summary>The page, script and style embedded in the assembly, read once; served with a strict Content-Security-Policy.</summary>
internal static class DashboardAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Files = Load();

    /// <summary>The policy every dashboard response carries: nothing inline, nothing from elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static bool TryGet(string name, out byte[] content, out string contentType)
    {
        if (Files.TryGetValue(name, out var file))
        {
            (content, contentType) = file;
            return true;
        }

        (content, contentType) = ([], "");
        return false;
    }

    /// <summary>Headers for every dashboard response: the policy, no sniffing, no referrer, no framing, no caching of data.</summary>
    public static void SecureHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        const string prefix = "WebhookKit.Dashboard.assets.";
        var assembly = typeof(DashboardAssets).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal))
            .ToFrozenDictionary(name => name[prefix.Length..], name => (Read(assembly, name), ContentTypeOf(name)), StringComparer.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
