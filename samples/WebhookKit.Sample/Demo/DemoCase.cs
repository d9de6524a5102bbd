namespace WebhookKit.Sample.Demo;

/// <summary>One request the demo sends to itself, and what it expects to happen.</summary>
/// <param name="Name">What the request is, as shown in the table.</param>
/// <param name="CreateRequest">Creates the request (relative to the app's address).</param>
/// <param name="ExpectedStatus">The status code the app must answer.</param>
/// <param name="ReceiverName">The receiver the request is for.</param>
/// <param name="EventId">The event id the request carries, or <see langword="null"/> when it has none.</param>
/// <param name="ExpectedHandlers">The handlers that must have run for <paramref name="EventId"/>, once each.</param>
public sealed record DemoCase(
    string Name,
    Func<HttpRequestMessage> CreateRequest,
    int ExpectedStatus,
    string ReceiverName,
    string? EventId,
    IReadOnlyList<string> ExpectedHandlers);
