using System.Text;

namespace WebhookKit.SharedToken;

/// <summary>
/// Options of a shared-token receiver, for senders that sign nothing (Zapier's "Webhooks by Zapier", internal tools):
/// bound from <c>Webhooks:{receiver name}</c> (<c>Webhooks:token</c> by default). <see cref="WebhookReceiverOptions.Secrets"/>
/// holds the tokens, each at least 16 bytes; a request must present one of them in <see cref="TokenHeader"/>, or as
/// <c>Authorization: Bearer &lt;token&gt;</c> when none is set.
/// </summary>
/// <remarks>
/// A valid token proves only that the sender knows the token. It says nothing of the body's integrity, and there is no
/// replay defence beyond deduplication: anyone who sees one request (a proxy, a log) can replay it or forge new ones.
/// Use it over HTTPS (<see cref="WebhookReceiverOptions.RequireHttps"/>), from known addresses where you can
/// (<see cref="WebhookReceiverOptions.AllowedIpRanges"/>), and prefer a signing sender where there is one.
/// </remarks>
public sealed class SharedTokenWebhookOptions : WebhookReceiverOptions
{
    /// <summary>The event type of deliveries when <see cref="EventTypeHeader"/> is not set, unless <see cref="EventType"/> says otherwise.</summary>
    public const string DefaultEventType = "webhook";

    private const string AuthorizationHeader = "Authorization";

    /// <summary>
    /// Gets or sets the header whose whole value is the token, for example <c>X-Webhook-Token</c>. When
    /// <see langword="null"/>, the token is read from <c>Authorization: Bearer &lt;token&gt;</c>.
    /// </summary>
    /// <value>The default is <see langword="null"/>: <c>Authorization: Bearer</c>.</value>
    public string? TokenHeader { get; set; }

    /// <summary>
    /// Gets or sets the header holding the event id (the deduplication key), for example <c>X-Request-Id</c>. When
    /// <see langword="null"/>, the id is the SHA-256 of the body (lower-case hex), so only byte-identical bodies are duplicates.
    /// </summary>
    /// <value>The default is <see langword="null"/>: the body's SHA-256.</value>
    public string? EventIdHeader { get; set; }

    /// <summary>Gets or sets the header holding the event type; when <see langword="null"/>, every delivery has the type <see cref="EventType"/>.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public string? EventTypeHeader { get; set; }

    /// <summary>Gets or sets the event type of every delivery when <see cref="EventTypeHeader"/> is not set.</summary>
    /// <value>The default is <see cref="DefaultEventType"/> (<c>webhook</c>).</value>
    public string EventType { get; set; } = DefaultEventType;

    internal override IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        foreach (var error in base.Validate(receiverName, configurationKey))
        {
            yield return error;
        }

        var prefix = $"Webhook receiver '{receiverName}'";
        foreach (var (name, value) in new[] { (nameof(TokenHeader), TokenHeader), (nameof(EventIdHeader), EventIdHeader), (nameof(EventTypeHeader), EventTypeHeader) })
        {
            if (!string.IsNullOrEmpty(value) && !IsHeaderName(value))
            {
                yield return $"{prefix} has an invalid '{configurationKey}:{name}': it must be an HTTP header name (letters, digits and !#$%&'*+-.^_`|~).";
            }
        }

        // The event id and type are logged and handed to handlers: they must never be the header the token is in.
        var tokenHeader = string.IsNullOrEmpty(TokenHeader) ? AuthorizationHeader : TokenHeader;
        foreach (var (name, value) in new[] { (nameof(EventIdHeader), EventIdHeader), (nameof(EventTypeHeader), EventTypeHeader) })
        {
            if (!string.IsNullOrEmpty(value) && string.Equals(value, tokenHeader, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{prefix} reads '{configurationKey}:{name}' from the header that carries the token ('{tokenHeader}'): the token would be logged as the event's identity.";
            }
        }

        if (string.IsNullOrEmpty(EventTypeHeader) && (string.IsNullOrWhiteSpace(EventType) || Encoding.UTF8.GetByteCount(EventType) > 256 || EventType.Any(char.IsControl)))
        {
            yield return $"{prefix} has an invalid '{configurationKey}:EventType': it must be non-empty text of at most 256 UTF-8 bytes without control characters.";
        }
    }

    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal));
}
