using System.Text;

namespace WebhookKit.Testing;

/// <summary>PayPal's helper (one file per provider, so that the class stays readable).</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>
    /// Posts a PayPal webhook delivery, a JSON event with its <c>id</c> and <c>event_type</c>, signed by
    /// <paramref name="signer"/> under a fresh transmission id and time. The receiver, configured with
    /// <see cref="PayPalSigner.ConfigureReceiver"/>, fetches the certificate from <c>AddPayPalTestCertificates(signer)</c>.
    /// </summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="payload">The JSON event.</param>
    /// <param name="signer">The signer the receiver is configured for.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostPayPalWebhookAsync(
        this HttpClient client,
        string payload,
        PayPalSigner signer,
        string path = "/webhooks/paypal",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(signer);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var request = Json(path, body);
        foreach (var (name, value) in signer.Sign(body))
        {
            request.Headers.Add(name, value);
        }

        return SendAsync(client, request, cancellationToken);
    }
}
