using System.Text;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>A response read off a raw connection: status, headers (every line kept) and body.</summary>
public sealed record RawHttpResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    /// <summary>Gets the values of a header, case-insensitively.</summary>
    public IEnumerable<string> HeaderValues(string name) =>
        Headers.Where(header => header.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value);

    /// <summary>Gets the body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);
}
