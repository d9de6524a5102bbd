namespace WebhookKit.Receiving;

/// <summary>
/// A receiver's registered (canonical) name, its provider, its transport guard (<see langword="null"/> when it has none),
/// whether deliveries with unsigned ids are also deduplicated by body (<see cref="WebhookReceiverOptions.DeduplicateByBody"/>),
/// the headers its provider requires before the body is read (<see cref="IWebhookProviderPrecheck"/>), its own body limit
/// (<see cref="WebhookReceiverOptions.MaxBodyBytes"/>) and its provider's documented cap, each <see langword="null"/> when none.
/// </summary>
internal sealed record WebhookReceiver(string Name, IWebhookProvider Provider, WebhookReceiverGuard? Guard = null, bool DeduplicateByBody = true, RequiredHeaders? Precheck = null, long? MaxBodyBytes = null, long? ProviderMaxBodyBytes = null)
{
    /// <summary>Gets the provider's required headers, <see cref="RequiredHeaders.None"/> when it declares none.</summary>
    public RequiredHeaders Precheck { get; init; } = Precheck ?? RequiredHeaders.None;

    /// <summary>
    /// Gets the last value each of the provider's forwarded headers had, which a delivery with the same value shares
    /// instead of keeping the request's string (docs/performance.md, "Bursts"); one string per header name.
    /// </summary>
    public string?[] RecentHeaderValues { get; } = new string?[Provider.ForwardedHeaders.Count];

    /// <summary>Gets how many secrets, tokens or keys a built-in receiver is configured with, for the startup report; <see langword="null"/> for <c>AddReceiver</c>.</summary>
    public int? SecretCount { get; init; }
}
