using System.Text;

namespace WebhookKit.Testing;

/// <summary>Posts a delivery to a shared-token receiver.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>Posts a JSON delivery with a shared token, as <c>Authorization: Bearer</c> or in <paramref name="tokenHeader"/>.</summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="payload">The JSON object.</param>
    /// <param name="token">One of the tokens the receiver is configured with.</param>
    /// <param name="tokenHeader">The receiver's <c>TokenHeader</c>, or <see langword="null"/> for <c>Authorization: Bearer</c>.</param>
    /// <param name="headers">Further headers, for example the receiver's event id or type header.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostSharedTokenWebhookAsync(
        this HttpClient client,
        string payload,
        string token,
        string? tokenHeader = null,
        IEnumerable<KeyValuePair<string, string>>? headers = null,
        string path = "/webhooks/token",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var request = Json(path, Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload))));
        var (name, value) = WebhookSigner.SharedToken(token).Header(tokenHeader);
        request.Headers.TryAddWithoutValidation(name, value);
        foreach (var (headerName, headerValue) in headers ?? [])
        {
            request.Headers.Add(headerName, headerValue);
        }

        return SendAsync(client, request, cancellationToken);
    }
}
