using WebhookKit.Receiving;

namespace WebhookKit;

/// <summary>
/// The transport guards of one receiver, checked before a request's body is read: whether it must arrive over HTTPS
/// and which networks may send it. They apply to every receiver. A receiver added with <c>AddReceiver</c> binds them
/// from <c>Webhooks:{receiver name}</c> (for example <c>Webhooks:acme:RequireHttps</c>) and may configure them in code;
/// a built-in receiver (<c>AddGitHub</c>, <c>AddHmac</c>, …) reads the same keys through its own options
/// (<see cref="WebhookReceiverOptions.RequireHttps"/>, <see cref="WebhookReceiverOptions.AllowedIpRanges"/>). Invalid
/// values fail the application at startup, and a reload is validated the same way (docs/architecture.md).
/// </summary>
public sealed class WebhookTransportOptions
{
    /// <summary>
    /// Gets or sets a value indicating whether deliveries must arrive over HTTPS. A plain HTTP request is refused with
    /// 403 before its body is read, except when the host environment is Development. Behind a proxy that terminates
    /// TLS, apply <c>UseForwardedHeaders</c> so that <c>X-Forwarded-Proto</c> tells the request's real scheme.
    /// </summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool RequireHttps { get; set; }

    /// <summary>
    /// Gets the senders' networks the receiver accepts deliveries from, in CIDR notation (<c>192.30.252.0/22</c>,
    /// <c>2606:50c0::/32</c>) or as single addresses. A request from anywhere else is refused with 403 before its body
    /// is read. The address checked is <c>HttpContext.Connection.RemoteIpAddress</c>: behind a proxy, apply
    /// <c>UseForwardedHeaders</c> (with the proxy as a known proxy) so that it is the sender's, not the proxy's.
    /// </summary>
    /// <value>Empty by default: deliveries are accepted from any address (the signature is the proof of origin).</value>
    public IList<string> AllowedIpRanges { get; } = new List<string>();

    /// <summary>Validates <see cref="AllowedIpRanges"/>; each error names the receiver and the configuration key to fix.</summary>
    internal IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        for (var i = 0; i < AllowedIpRanges.Count; i++)
        {
            if (!WebhookReceiverGuard.TryParseNetwork(AllowedIpRanges[i], out _))
            {
                yield return $"Webhook receiver '{receiverName}' has an invalid '{configurationKey}:{nameof(AllowedIpRanges)}:{i}': use an IP address or a CIDR range with its host bits zero, for example '192.30.252.0/22' or '2606:50c0::/32'.";
            }
        }
    }
}
