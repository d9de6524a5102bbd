using Microsoft.AspNetCore.Http;

namespace WebhookKit;

/// <summary>A webhook request as a <see cref="IWebhookProvider"/> sees it: headers and the raw body, read once.</summary>
public readonly struct WebhookRequest
{
    /// <summary>Initializes a new request view.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body. It is only valid during <see cref="IWebhookProvider.Read"/>.</param>
    public WebhookRequest(IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the request headers.</summary>
    public IHeaderDictionary Headers { get; }

    /// <summary>Gets the raw request body. It is only valid during <see cref="IWebhookProvider.Read"/>; do not keep it.</summary>
    public ReadOnlyMemory<byte> Body { get; }
}
