using Microsoft.AspNetCore.Http;

namespace WebhookKit;

/// <summary>
/// A webhook request as a <see cref="IWebhookProvider"/> sees it: headers, the raw body (read once) and the
/// request URL's parts, for providers that sign the URL (Twilio).
/// </summary>
public readonly struct WebhookRequest
{
    /// <summary>Initializes a new request view without URL information.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body. It is only valid during <see cref="IWebhookProvider.Read"/> (or until <see cref="IWebhookProvider.ReadAsync"/> completes).</param>
    public WebhookRequest(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Headers = headers;
        Body = body;
        Scheme = string.Empty;
    }

    /// <summary>Initializes a new request view from an HTTP request: its headers and URL parts, and the body already read.</summary>
    /// <param name="request">The HTTP request. Its body stream is not read; only headers and URL parts are copied.</param>
    /// <param name="body">The raw request body. It is only valid during <see cref="IWebhookProvider.Read"/> (or until <see cref="IWebhookProvider.ReadAsync"/> completes).</param>
    public WebhookRequest(HttpRequest request, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        Headers = request.Headers;
        Body = body;
        Scheme = request.Scheme ?? string.Empty;
        Host = request.Host;
        PathBase = request.PathBase;
        Path = request.Path;
        QueryString = request.QueryString;
    }

    /// <summary>Gets the request headers.</summary>
    public IHeaderDictionary Headers { get; }

    /// <summary>Gets the raw request body. It is only valid during <see cref="IWebhookProvider.Read"/> (or until <see cref="IWebhookProvider.ReadAsync"/> completes); do not keep it.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the request scheme (<c>http</c> or <c>https</c>) as the server saw it; empty when the request URL is unknown.</summary>
    public string Scheme { get; }

    /// <summary>Gets the <c>Host</c> the request was sent to (with its port, if any) as the server saw it.</summary>
    public HostString Host { get; }

    /// <summary>Gets the application's path base, for example <c>/app</c> behind <c>UsePathBase</c>.</summary>
    public PathString PathBase { get; }

    /// <summary>Gets the request path, for example <c>/webhooks/twilio</c>.</summary>
    public PathString Path { get; }

    /// <summary>Gets the raw query string, including its leading <c>?</c>, exactly as received.</summary>
    public QueryString QueryString { get; }
}
