using WebhookKit.Verification;

namespace WebhookKit.Hmac;

/// <summary>
/// Options of a generic HMAC receiver (<c>AddHmac("name", …)</c>) for a sender of your own or one without a built-in
/// provider, bound from <c>Webhooks:{receiver name}</c>. <see cref="WebhookReceiverOptions.Secrets"/> holds the shared
/// secrets (the HMAC key is each secret's UTF-8 bytes); several are accepted at once for rotation.
/// </summary>
/// <remarks>
/// The signature is <see cref="SignaturePrefix"/> + the <see cref="SignatureEncoding"/> of
/// HMAC-<see cref="Algorithm"/>(secret, signed content), where the signed content follows <see cref="SignedContent"/>.
/// The event id comes from <see cref="EventIdHeader"/> or <see cref="EventIdProperty"/>, the type from
/// <see cref="EventTypeHeader"/> or <see cref="EventTypeProperty"/> (exactly one of each).
/// </remarks>
public sealed class HmacWebhookOptions : WebhookReceiverOptions
{
    /// <summary>Gets or sets the header that carries the signature, for example <c>X-Signature</c>. Required.</summary>
    public string? SignatureHeader { get; set; }

    /// <summary>Gets or sets the hash function.</summary>
    /// <value>The default is <see cref="HmacSignatureAlgorithm.Sha256"/>.</value>
    public HmacSignatureAlgorithm Algorithm { get; set; } = HmacSignatureAlgorithm.Sha256;

    /// <summary>Gets or sets how the signature bytes are encoded in the header.</summary>
    /// <value>The default is <see cref="HmacSignatureEncoding.Hex"/>.</value>
    public HmacSignatureEncoding SignatureEncoding { get; set; } = HmacSignatureEncoding.Hex;

    /// <summary>Gets or sets text the header value starts with before the encoded signature, for example <c>sha256=</c> (compared exactly).</summary>
    /// <value>The default is <see langword="null"/>: the header holds the encoded signature only.</value>
    public string? SignaturePrefix { get; set; }

    /// <summary>
    /// Gets or sets the header that carries the signing time in Unix seconds, for example <c>X-Timestamp</c>. When set,
    /// the time is part of the signed content and a delivery whose time is further than <see cref="Tolerance"/> from
    /// now is refused (replay defence).
    /// </summary>
    /// <value>The default is <see langword="null"/>: no timestamp, so a captured delivery can be replayed (only deduplication limits it).</value>
    public string? TimestampHeader { get; set; }

    /// <summary>Gets or sets how far the signed time may be from now, in either direction.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Gets or sets the template of the signed content: literal text, <c>{timestamp}</c> (the timestamp header's value),
    /// <c>{id}</c> (the event id header's value) and, last, <c>{body}</c> (the raw body). For example
    /// <c>{timestamp}.{body}</c> (Stripe-like), <c>v0:{timestamp}:{body}</c> (Slack-like) or <c>{id}.{timestamp}.{body}</c>.
    /// Each placeholder must be followed by literal text before the next one (<c>{id}{body}</c> fails at startup), the
    /// text after <c>{timestamp}</c> may not start with a digit, and a delivery whose id contains the text that follows
    /// <c>{id}</c> (or ends with the start of it) is refused with 401, so that no bytes can move between the id, the timestamp and the body.
    /// </summary>
    /// <value>The default is <see langword="null"/>: <c>{timestamp}.{body}</c> with a <see cref="TimestampHeader"/>, else <c>{body}</c>.</value>
    public string? SignedContent { get; set; }

    /// <summary>Gets or sets the header that carries the event id, for example <c>X-Event-Id</c>.</summary>
    public string? EventIdHeader { get; set; }

    /// <summary>Gets or sets the top-level JSON property of the body that carries the event id (a string or a number), for example <c>id</c>.</summary>
    public string? EventIdProperty { get; set; }

    /// <summary>Gets or sets the header that carries the event type, for example <c>X-Event-Type</c>.</summary>
    public string? EventTypeHeader { get; set; }

    /// <summary>Gets or sets the top-level JSON property of the body that carries the event type, for example <c>type</c>.</summary>
    public string? EventTypeProperty { get; set; }

    /// <summary>Gets the effective signed-content template.</summary>
    internal string EffectiveSignedContent =>
        !string.IsNullOrEmpty(SignedContent) ? SignedContent
        : string.IsNullOrEmpty(TimestampHeader) ? HmacSignedContent.Body
        : HmacSignedContent.Timestamp + "." + HmacSignedContent.Body;

    internal override IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        foreach (var error in base.Validate(receiverName, configurationKey))
        {
            yield return error;
        }

        var prefix = $"Webhook receiver '{receiverName}'";
        if (string.IsNullOrWhiteSpace(SignatureHeader))
        {
            yield return $"{prefix} has no signature header. Set '{configurationKey}:SignatureHeader', for example 'X-Signature'.";
        }

        if (!Enum.IsDefined(Algorithm))
        {
            yield return $"{prefix} has an invalid '{configurationKey}:Algorithm': use Sha256, Sha1 or Sha512.";
        }

        if (!Enum.IsDefined(SignatureEncoding))
        {
            yield return $"{prefix} has an invalid '{configurationKey}:SignatureEncoding': use Hex or Base64.";
        }

        if (string.IsNullOrWhiteSpace(EventIdHeader) == string.IsNullOrWhiteSpace(EventIdProperty))
        {
            yield return $"{prefix} must take its event id from exactly one place: set either '{configurationKey}:EventIdHeader' or '{configurationKey}:EventIdProperty'.";
        }

        if (string.IsNullOrWhiteSpace(EventTypeHeader) == string.IsNullOrWhiteSpace(EventTypeProperty))
        {
            yield return $"{prefix} must take its event type from exactly one place: set either '{configurationKey}:EventTypeHeader' or '{configurationKey}:EventTypeProperty'.";
        }

        var hasTimestamp = !string.IsNullOrWhiteSpace(TimestampHeader);
        if (hasTimestamp && TimestampTolerance.Validate(Tolerance, receiverName, configurationKey) is { } toleranceError)
        {
            yield return toleranceError;
        }

        if (!HmacSignedContent.TryParse(EffectiveSignedContent, out var content, out var templateError))
        {
            yield return $"{prefix} has an invalid '{configurationKey}:SignedContent': {templateError}.";
            yield break;
        }

        if (content.UsesTimestamp != hasTimestamp)
        {
            yield return hasTimestamp
                ? $"{prefix} has '{configurationKey}:TimestampHeader' set but '{configurationKey}:SignedContent' does not contain '{{timestamp}}': an unsigned timestamp is no replay defence."
                : $"{prefix} has '{{timestamp}}' in '{configurationKey}:SignedContent' but no '{configurationKey}:TimestampHeader'.";
        }

        if (content.UsesId && string.IsNullOrWhiteSpace(EventIdHeader))
        {
            yield return $"{prefix} has '{{id}}' in '{configurationKey}:SignedContent' but no '{configurationKey}:EventIdHeader'.";
        }
    }
}
