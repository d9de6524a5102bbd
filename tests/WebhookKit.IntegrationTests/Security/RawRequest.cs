namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// One request exactly as it goes on the wire: method, target, header lines (repeats and whitespace kept as given) and
/// body. <see cref="SendContentLength"/> false sends no <c>Content-Length</c> (the body then carries its own framing).
/// </summary>
public sealed record RawRequest(string Method, string PathAndQuery, (string Name, string Value)[] Headers, byte[] Body, bool SendContentLength = true);
