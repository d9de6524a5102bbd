namespace WebhookKit.Testing;

/// <summary>Posts a Twilio delivery.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>
    /// Posts a Twilio form delivery (a status callback, an incoming message) signed with <c>X-Twilio-Signature</c> over
    /// the URL the receiver rebuilds: <paramref name="publicBaseUrl"/> followed by the path and query when the receiver
    /// has a <c>PublicBaseUrl</c>, else the request URL itself (the client's base address and <paramref name="path"/>).
    /// </summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="parameters">The form parameters, for example <c>MessageSid</c> and <c>MessageStatus</c>; sent form-encoded in this order.</param>
    /// <param name="authToken">The auth token the receiver is configured with.</param>
    /// <param name="publicBaseUrl">The receiver's <c>PublicBaseUrl</c>, or <see langword="null"/> when it has none (Development only).</param>
    /// <param name="idempotencyToken">The <c>I-Twilio-Idempotency-Token</c> (the event id); a new GUID when <see langword="null"/>.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    /// <exception cref="InvalidOperationException">The client has no base address and <paramref name="path"/> is not absolute.</exception>
    public static Task<HttpResponseMessage> PostTwilioWebhookAsync(
        this HttpClient client,
        IEnumerable<KeyValuePair<string, string>> parameters,
        string authToken,
        string? publicBaseUrl = null,
        string? idempotencyToken = null,
        string path = "/webhooks/twilio",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentException.ThrowIfNullOrEmpty(path);
        List<KeyValuePair<string, string>> fields = [.. parameters];
        var target = client.BaseAddress is { } baseAddress ? new Uri(baseAddress, path)
            : Uri.TryCreate(path, UriKind.Absolute, out var absolute) ? absolute
            : throw new InvalidOperationException("Twilio signs the absolute URL: give the client a BaseAddress, or pass an absolute path.");
        var signature = WebhookSigner.Twilio(authToken).Sign(TwilioSignedUrl(target, publicBaseUrl), fields);
        var request = Form(target.AbsoluteUri, FormBody(fields));
        request.Headers.Add(TwilioSigner.IdempotencyTokenHeader, idempotencyToken ?? Guid.NewGuid().ToString());
        request.Headers.Add(TwilioSigner.SignatureHeader, signature);
        return SendAsync(client, request, cancellationToken);
    }

    /// <summary>The URL as the Twilio receiver rebuilds it: its public base (scheme, authority, path prefix without a trailing '/') or the request's own, then the path and query.</summary>
    private static string TwilioSignedUrl(Uri target, string? publicBaseUrl)
    {
        if (publicBaseUrl is null)
        {
            return target.GetLeftPart(UriPartial.Authority) + target.PathAndQuery;
        }

        var publicBase = new Uri(publicBaseUrl, UriKind.Absolute);
        return string.Concat(publicBase.Scheme, "://", publicBase.Authority, publicBase.AbsolutePath.TrimEnd('/'), target.PathAndQuery);
    }
}
