using WebhookKit.Internal;

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
    /// receiver rebuilds it as this base plus the request path and query. It is required outside the Development
    /// environment (the application fails at startup without it): the request's own <c>Host</c> header is chosen by the
    /// sender, so a signature Twilio made for another application of the same account would otherwise be accepted.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>, allowed in Development only: the request URL as the server sees it
    /// (scheme, host, path base, path and query).
    /// </value>
    public string? PublicBaseUrl { get; set; }

    /// <summary>
    /// Gets or sets the most fields a form-encoded delivery may have, counted as the <c>&amp;</c>-separated parts of
    /// the raw body before anything is decoded or sorted. A body with more is refused with 400.
    /// </summary>
    /// <value>The default is 1000, as ASP.NET Core's <c>FormOptions.ValueCountLimit</c>.</value>
    public int MaxFormFields { get; set; } = FormPayloadReader.DefaultMaxFields;

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

        if (FormPayloadReader.ValidateMaxFields(MaxFormFields, receiverName, configurationKey) is { } maxFieldsError)
        {
            yield return maxFieldsError;
        }
    }
}
