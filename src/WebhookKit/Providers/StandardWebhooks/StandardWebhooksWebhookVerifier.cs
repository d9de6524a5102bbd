using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.StandardWebhooks;

/// <summary>
/// Verifies Standard Webhooks (and Svix) messages anywhere, with the code the Standard Webhooks receiver runs:
/// <c>webhook-signature: v1,&lt;base64&gt; …</c> over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the base64
/// after each <c>whsec_</c> secret, any <c>v1</c> entry matching any secret, the timestamp within
/// <see cref="StandardWebhooksWebhookOptions.Tolerance"/>. Svix's <c>svix-*</c> header names are accepted too.
/// Thread-safe: build one and share it.
/// </summary>
public sealed class StandardWebhooksWebhookVerifier
{
    private readonly HmacKeySet _keys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a verifier with the secrets and tolerance of <paramref name="options"/>, on the system clock.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <exception cref="InvalidOperationException">A secret is not <c>whsec_</c> followed by base64.</exception>
    public StandardWebhooksWebhookVerifier(StandardWebhooksWebhookOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a verifier with the secrets and tolerance of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="timeProvider">The clock the signed timestamp is judged by.</param>
    /// <exception cref="InvalidOperationException">A secret is not <c>whsec_</c> followed by base64.</exception>
    public StandardWebhooksWebhookVerifier(StandardWebhooksWebhookOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = new HmacKeySet(HmacSignatureAlgorithm.Sha256, options.Secrets.Select(secret => StandardWebhooksSignature.TryDecodeSecret(secret, out var key)
            ? key
            : throw new InvalidOperationException("A Standard Webhooks secret is not 'whsec_' followed by base64.")));
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
    }

    /// <summary>Verifies a message: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body) => Verify(headers, body, out _);

    /// <summary>As <see cref="Verify(IHeaderDictionary, ReadOnlySpan{byte})"/>; <paramref name="idHeader"/> is the name of the (signed) id header the message used.</summary>
    internal WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, out string idHeader)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var found = StandardWebhooksSignature.TryFindHeaders(headers, out var names);
        idHeader = names.Id;
        return !found
            ? WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, "webhook-signature (or svix-signature) missing")
            : StandardWebhooksSignature.Verify(headers, names, body, _keys, _timeProvider, _tolerance);
    }
}
