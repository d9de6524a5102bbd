namespace WebhookKit.Tests.Fuzz;

/// <summary>
/// One generated case of a <see cref="FuzzTarget"/>: the secret the provider is configured with, and a request
/// (correctly signed, or changed after signing, or random). <see cref="EventId"/> is what an accepted request must yield.
/// </summary>
internal sealed record FuzzCase(string Secret, FuzzRequest Request, string? EventId = null, string Change = "none")
{
    public override string ToString() => $"change: {Change}; secret: {Secret}; request: {Request}";
}
