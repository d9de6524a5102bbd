using System.Text;

namespace WebhookKit.Testing;

/// <summary>Posts a Razorpay delivery.</summary>
public static partial class WebhookHttpClientExtensions
{
    /// <summary>Posts a Razorpay delivery signed with <c>X-Razorpay-Signature</c>. The event type is the payload's <c>event</c>.</summary>
    /// <param name="client">A client whose base address is the app under test.</param>
    /// <param name="payload">The event JSON, with a top-level <c>event</c>.</param>
    /// <param name="secret">The webhook secret the receiver is configured with.</param>
    /// <param name="eventId">The <c>X-Razorpay-Event-Id</c> (the event id); a new id when <see langword="null"/>.</param>
    /// <param name="path">The receiver's path.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The response; dispose it.</returns>
    public static Task<HttpResponseMessage> PostRazorpayWebhookAsync(
        this HttpClient client,
        string payload,
        string secret,
        string? eventId = null,
        string path = "/webhooks/razorpay",
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var body = Encoding.UTF8.GetBytes(payload ?? throw new ArgumentNullException(nameof(payload)));
        var request = Json(path, body);
        request.Headers.Add(RazorpaySigner.EventIdHeader, eventId ?? Guid.NewGuid().ToString("N")[..14]);
        request.Headers.Add(RazorpaySigner.SignatureHeader, WebhookSigner.Razorpay(secret).Sign(body));
        return SendAsync(client, request, cancellationToken);
    }
}
