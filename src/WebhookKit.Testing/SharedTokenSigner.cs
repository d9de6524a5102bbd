namespace WebhookKit.Testing;

/// <summary>
/// Presents a shared token as a sender that signs nothing does (Zapier's "Webhooks by Zapier", an internal tool): as
/// <c>Authorization: Bearer &lt;token&gt;</c>, or as the whole value of a header of the receiver's choosing.
/// </summary>
public sealed class SharedTokenSigner
{
    private readonly string _token;

    internal SharedTokenSigner(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _token = token;
    }

    /// <summary>The header that carries the token when the receiver has no <c>TokenHeader</c>.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>Gets the header that presents the token to a receiver configured with <paramref name="tokenHeader"/>.</summary>
    /// <param name="tokenHeader">The receiver's <c>TokenHeader</c>, or <see langword="null"/> for <c>Authorization: Bearer</c>.</param>
    /// <returns>The header's name and value.</returns>
    public (string Name, string Value) Header(string? tokenHeader = null) =>
        string.IsNullOrEmpty(tokenHeader) ? (AuthorizationHeader, "Bearer " + _token) : (tokenHeader, _token);
}
