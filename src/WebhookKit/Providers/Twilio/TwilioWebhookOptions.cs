namespace WebhookKit.Twilio;

/// <summary>
/// Options of a Twilio receiver, bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:Twilio</c> by default).
/// <see cref="WebhookReceiverOptions.Secrets"/> holds the account's auth tokens (the primary and, while rotating, the
/// secondary one).
/// </summary>
public sealed class TwilioWebhookOptions : WebhookReceiverOptions
{
    /// <summary>
    /// Gets or sets the public URL at which the application's root is reachable, for example
    /// <c>https://hooks.example.com</c> or <c>https://example.com/app</c>, when a proxy or load balancer changes the
    /// scheme, host, port or path prefix the application sees. Twilio signs the URL it was configured with, so the
    /// receiver rebuilds it as this base plus the request path and query. Unset, the request's own scheme, host, path
    /// base, path and query are used (which is right behind <c>UseForwardedHeaders</c>).
    /// </summary>
    /// <value>The default is <see langword="null"/>: use the request URL as the server sees it.</value>
    public string? PublicBaseUrl { get; set; }

    internal override IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        foreach (var error in base.Validate(receiverName, configurationKey))
        {
            yield return error;
        }

        if (PublicBaseUrl is not null
            && (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                || uri.Query.Length > 0
                || uri.Fragment.Length > 0
                || uri.UserInfo.Length > 0))
        {
            yield return $"Webhook receiver '{receiverName}' has an invalid '{configurationKey}:PublicBaseUrl': it must be an absolute http or https URL without query or fragment, for example 'https://hooks.example.com'.";
        }
    }
}
