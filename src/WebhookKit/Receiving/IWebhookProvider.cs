namespace WebhookKit;

/// <summary>
/// Verifies and identifies the deliveries of one receiver. One class per provider (GitHub, Stripe, GitLab, …);
/// the pipeline around it (body limits, idempotency, queueing, status codes) is the same for every provider.
/// </summary>
/// <remarks>
/// <see cref="Read"/> runs on the receive path, synchronously, once per request: it must be fast, must not
/// throw on any input, must compare secrets in constant time and must never put a secret, a signature or
/// payload bytes into a <see cref="WebhookProviderResult.FailureReason"/>. The receive path calls
/// <see cref="ReadAsync"/>, which calls <see cref="Read"/> unless a provider that must wait for something (PayPal's
/// certificate, fetched once per URL) implements it.
/// </remarks>
public interface IWebhookProvider
{
    /// <summary>Gets the provider name, in lower case, for example <c>github</c>.</summary>
    string Name { get; }

    /// <summary>Gets the request headers kept with an accepted delivery for handlers; never signature or token headers.</summary>
    IReadOnlyList<string> ForwardedHeaders { get; }

    /// <summary>Verifies a request's signature over its raw body, then finds its event id and event type.</summary>
    /// <param name="request">The request headers and raw body.</param>
    /// <returns>Accepted with the event id and type, or why the request is rejected.</returns>
    WebhookProviderResult Read(WebhookRequest request);

    /// <summary>
    /// Verifies a request as <see cref="Read"/> does, for a provider that may have to wait (for a key it fetches). The
    /// receive path calls this; by default it calls <see cref="Read"/> and completes at once, with no allocation.
    /// </summary>
    /// <param name="request">The request headers and raw body; the body stays valid until the returned task completes.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>Accepted with the event id and type, or why the request is rejected.</returns>
    ValueTask<WebhookProviderResult> ReadAsync(WebhookRequest request, CancellationToken cancellationToken) => new(Read(request));
}
