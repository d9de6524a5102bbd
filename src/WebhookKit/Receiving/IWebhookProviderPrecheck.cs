namespace WebhookKit;

/// <summary>
/// A <see cref="IWebhookProvider"/> that names the headers no request of its can verify without, so that the receive
/// path refuses a request that lacks them with 401 before reading its body (and, for <c>Expect: 100-continue</c>,
/// without inviting the body at all). Optional: a provider that does not implement it has its body read first.
/// </summary>
/// <remarks>
/// The receive path reads <see cref="RequiredHeaders"/> once, when the receiver is built, and never again. Name only
/// headers whose absence <see cref="IWebhookProvider.Read"/> would reject with
/// <see cref="WebhookProviderResult.Unauthorized(string)"/> anyway: the precheck may only refuse sooner, never
/// differently. The failure reason logged is fixed text made from the header names, never from their values.
/// </remarks>
public interface IWebhookProviderPrecheck : IWebhookProvider
{
    /// <summary>
    /// Gets the header requirements of every request: each entry is a set of header names of which at least one must be
    /// present (for example <c>["X-Hub-Signature-256", "X-Hub-Signature"]</c>), and every entry must be met.
    /// </summary>
    IReadOnlyList<IReadOnlyList<string>> RequiredHeaders { get; }
}
