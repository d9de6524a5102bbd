using WebhookKit.Tests.Providers;

namespace WebhookKit.Tests.Fuzz;

/// <summary>A generated request: headers (as given, repeats allowed), content type, URL and raw body.</summary>
internal sealed record FuzzRequest(byte[] Body, (string Name, string Value)[] Headers, string? ContentType = "application/json", string Url = "https://example.com/webhooks/fuzz")
{
    public WebhookRequest ToWebhookRequest() => ReceiverHarness.Request(Body, ContentType, Url, Headers);

    /// <summary>The same request with one header's value replaced.</summary>
    public FuzzRequest WithHeader(string name, string value) =>
        this with { Headers = [.. Headers.Select(header => header.Name == name ? (header.Name, value) : header)] };

    public string Header(string name) => Headers.First(header => header.Name == name).Value;

    public override string ToString() =>
        $"{Url} [{ContentType}] {string.Join(" | ", Headers.Select(h => $"{h.Name}: {h.Value}"))} body({Body.Length}): {Convert.ToHexString(Body.AsSpan(0, Math.Min(Body.Length, 64)))}";
}
