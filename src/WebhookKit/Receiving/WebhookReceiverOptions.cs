using System.Text;

namespace WebhookKit;

/// <summary>
/// Options of one receiver. Each receiver is bound from <c>Webhooks:{receiver name}</c>, for example
/// <c>Webhooks:GitHub:Secrets</c> for the default GitHub receiver (configuration keys are case-insensitive).
/// </summary>
public abstract class WebhookReceiverOptions
{
    /// <summary>The fewest bytes a secret may have unless <see cref="AllowShortSecrets"/> is set.</summary>
    public const int MinimumSecretBytes = 16;

    /// <summary>
    /// Gets the secrets a delivery may be signed with. Several secrets are accepted at once so that a
    /// secret can be rotated without losing deliveries. A receiver without a secret fails at startup, and so does
    /// one with a secret shorter than <see cref="MinimumSecretBytes"/> bytes unless <see cref="AllowShortSecrets"/> is set.
    /// </summary>
    public IList<string> Secrets { get; } = new List<string>();

    /// <summary>
    /// Gets or sets a value indicating whether secrets shorter than <see cref="MinimumSecretBytes"/> bytes are accepted.
    /// A short secret can be guessed offline from one captured delivery; allow it only for a value you cannot change
    /// (a provider's published test vector, a legacy sender).
    /// </summary>
    /// <value>The default is <see langword="false"/>: a short secret fails the application at startup.</value>
    public bool AllowShortSecrets { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether deliveries whose event id the provider does not sign (GitHub, Shopify,
    /// GitLab with a plain token, Twilio, <c>AddHmac</c> without <c>{id}</c> in its template) are also deduplicated by a
    /// digest of the receiver, the event type and the raw body. Whoever captured one delivery can send its signed body
    /// again under a new id; with this on, such a replay is answered 200 and queued nothing (counted with the outcome
    /// <c>replay</c>), for as long as the original's claim lives (<see cref="WebhookOptions.RetentionDuration"/>). Turn it
    /// off only for a sender that legitimately repeats a byte-identical body under one event type with new ids.
    /// </summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool DeduplicateByBody { get; set; } = true;

    /// <summary>
    /// Gets or sets the largest body this receiver accepts, in bytes; a larger one is refused with 413. The request
    /// buffer grows with the bytes that arrive, so a large limit costs nothing until a sender sends that much.
    /// </summary>
    /// <value>
    /// The default is <see langword="null"/>: <see cref="WebhookOptions.MaxBodyBytes"/> when that is set, otherwise the
    /// provider's documented cap where it has one (GitHub: 25 MiB, bounded by <see cref="WebhookOptions.QueueMaxBytes"/>
    /// and <see cref="WebhookOptions.MaxUnverifiedBytes"/>), otherwise <see cref="WebhookOptions.DefaultMaxBodyBytes"/>.
    /// </value>
    public long? MaxBodyBytes { get; set; }

    /// <summary>Gets the largest body the provider documents sending, the receiver's default limit; <see langword="null"/> when it documents none.</summary>
    internal virtual long? ProviderMaxBodyBytes => null;

    /// <summary>Gets how many secrets (tokens, keys) the receiver is configured with, for the startup report.</summary>
    internal virtual int SecretCount => Secrets.Count;

    /// <inheritdoc cref="WebhookTransportOptions.RequireHttps"/>
    /// <remarks>One of the receiver's transport guards, with <see cref="AllowedIpRanges"/>.</remarks>
    public bool RequireHttps
    {
        get => Transport.RequireHttps;
        set => Transport.RequireHttps = value;
    }

    /// <inheritdoc cref="WebhookTransportOptions.AllowedIpRanges"/>
    /// <remarks>One of the receiver's transport guards, with <see cref="RequireHttps"/>.</remarks>
    public IList<string> AllowedIpRanges => Transport.AllowedIpRanges;

    /// <summary>
    /// Gets the receiver's transport guards, which <see cref="RequireHttps"/> and <see cref="AllowedIpRanges"/> read and
    /// write: the receiver registry builds every receiver's guard from a <see cref="WebhookTransportOptions"/>, this one
    /// for a built-in receiver. Not public, so configuration binds the keys above only, as before.
    /// </summary>
    internal WebhookTransportOptions Transport { get; } = new();

    /// <summary>Gets the names of the list options configuration binds for this receiver, for the check that none is given as one string.</summary>
    internal virtual IEnumerable<string> ListOptionNames => [nameof(Secrets), nameof(AllowedIpRanges)];

    /// <summary>Validates the options; each error names the receiver and the configuration key to set.</summary>
    internal virtual IEnumerable<string> Validate(string receiverName, string configurationKey)
    {
        if (Secrets.Count == 0)
        {
            yield return $"Webhook receiver '{receiverName}' has no secret configured. Set '{configurationKey}:Secrets:0' in configuration or add one in code (Secrets.Add). Receivers never accept unsigned deliveries.";
        }

        for (var i = 0; i < Secrets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Secrets[i]))
            {
                yield return EmptySecretError(receiverName, configurationKey, "Secrets", "secret", i, Secrets[i]);
            }
            else if (PlaceholderSecretError(receiverName, configurationKey, "Secrets", i, Secrets[i]) is { } placeholder)
            {
                yield return placeholder;
            }
            else if (ShortSecretError(receiverName, configurationKey, "Secrets", i, SecretKeyBytes(Secrets[i])) is { } error)
            {
                yield return error;
            }
        }

        foreach (var error in ValidateGuards(receiverName, configurationKey))
        {
            yield return error;
        }
    }

    /// <summary>
    /// The error for a null or blank secret, saying where it came from: configuration binds empty strings but never a
    /// null, so a null was added in code (typically <c>Secrets.Add(builder.Configuration["…"]!)</c> of a key that is not
    /// set), and its index need not be a configuration key's.
    /// </summary>
    internal static string EmptySecretError(string receiverName, string configurationKey, string listName, string what, int index, string? value) =>
        value is null
            ? $"Webhook receiver '{receiverName}' has a null {what} at index {index} of {listName}: configuration never binds a null, so it was added in code (for example {listName}.Add(builder.Configuration[\"…\"]!) of a key that is not set). Set '{configurationKey}:{listName}:{index}' in configuration instead, or add a value that is not null."
            : $"Webhook receiver '{receiverName}' has an empty {what} at index {index} of {listName}: either '{configurationKey}:{listName}:{index}' is empty in configuration or an empty string was added in code.";

    /// <summary>
    /// The error for a secret written as documentation writes a placeholder (<c>&lt;github-webhook-secret&gt;</c>), or
    /// <see langword="null"/>: a pasted example must stop the app, not become the key every forger can read.
    /// </summary>
    internal static string? PlaceholderSecretError(string receiverName, string configurationKey, string listName, int index, string value) =>
        value.Length > 2 && value[0] == '<' && value[^1] == '>'
            ? $"Webhook receiver '{receiverName}' has a placeholder at '{configurationKey}:{listName}:{index}' (a value in angle brackets, as the documentation writes one): set the real secret from your secret store."
            : null;

    /// <summary>Gets how many key bytes a secret gives the signature: its UTF-8 bytes, or -1 when it cannot be decoded (reported elsewhere).</summary>
    internal virtual int SecretKeyBytes(string secret) => Encoding.UTF8.GetByteCount(secret);

    /// <summary>The error for a secret of <paramref name="keyBytes"/> bytes, or <see langword="null"/> when it is long enough (or allowed). Never quotes the secret.</summary>
    internal string? ShortSecretError(string receiverName, string configurationKey, string listName, int index, int keyBytes) =>
        AllowShortSecrets || keyBytes < 0 || keyBytes >= MinimumSecretBytes
            ? null
            : $"Webhook receiver '{receiverName}' has a secret shorter than {MinimumSecretBytes} bytes at '{configurationKey}:{listName}:{index}' ({keyBytes} bytes): use a random secret of at least {MinimumSecretBytes} bytes (32 recommended), or set '{configurationKey}:{nameof(AllowShortSecrets)}' to true to accept it.";

    /// <summary>
    /// Validates what every receiver shares whatever its credentials: <see cref="MaxBodyBytes"/> and the transport guards
    /// (<see cref="AllowedIpRanges"/>); called by every provider's validation, so that an override that checks its own
    /// credentials cannot skip them (0 would answer every delivery 413).
    /// </summary>
    internal IEnumerable<string> ValidateGuards(string receiverName, string configurationKey)
    {
        if (MaxBodyBytes is <= 0)
        {
            yield return $"Webhook receiver '{receiverName}' has an invalid '{configurationKey}:{nameof(MaxBodyBytes)}': it must be more than zero.";
        }

        foreach (var error in Transport.Validate(receiverName, configurationKey))
        {
            yield return error;
        }
    }
}
