using System.Text;

namespace WebhookKit.Receiving;

/// <summary>
/// A short, generic RFC 9457 problem with a stable <c>type</c> (<c>urn:webhookkit:problem:{name}</c>), its JSON
/// encoded once. Never why a signature failed: that goes to the log.
/// </summary>
internal sealed class WebhookProblem
{
    public const string TypePrefix = "urn:webhookkit:problem:";

    public WebhookProblem(int status, string name, string title, string detail)
    {
        Status = status;
        Type = TypePrefix + name;
        Title = title;
        Detail = detail;
        Utf8Json = Encoding.UTF8.GetBytes($$"""{"type":"{{Type}}","title":"{{title}}","status":{{status}},"detail":"{{detail}}"}""");
    }

    public int Status { get; }

    public string Type { get; }

    public string Title { get; }

    public string Detail { get; }

    public byte[] Utf8Json { get; }
}
