using System.Net;

namespace WebhookKit.IntegrationTests.Security;

/// <summary>
/// One row of <see cref="BadInputCorpus"/>: a request built against the running server (signatures and timestamps
/// are made at send time, Twilio's over the server's own URL) and the status docs/status-codes.md documents for it.
/// </summary>
/// <param name="Name">What is wrong (or unusual) with the request, for the test name.</param>
/// <param name="Expected">The documented status.</param>
/// <param name="Build">Builds the request for a server at the given base address.</param>
/// <param name="EventId">For an accepted case, the event id its handler must see.</param>
public sealed record InputCase(string Name, HttpStatusCode Expected, Func<Uri, RawRequest> Build, string? EventId = null)
{
    public override string ToString() => Name;
}
