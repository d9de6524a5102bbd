using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.GitLab;

/// <summary>
/// Verifies GitLab deliveries anywhere, with the code the GitLab receiver runs: with
/// <see cref="GitLabWebhookOptions.SigningTokens"/> configured, a delivery that carries <c>webhook-signature</c> is judged
/// by that Standard Webhooks signature alone (within <see cref="GitLabWebhookOptions.Tolerance"/>); any other is judged
/// by <c>X-Gitlab-Token</c> against <see cref="WebhookReceiverOptions.Secrets"/>, compared as SHA-256 hashes in
/// constant time. Thread-safe: build one and share it.
/// </summary>
public sealed class GitLabWebhookVerifier
{
    internal const string TokenHeader = "X-Gitlab-Token";

    private readonly byte[][] _tokenHashes;

    /// <summary>The reason a token matching none is refused with, made once: it says how many were tried, never which.</summary>
    private readonly string _tokenMismatch;
    private readonly HmacKeySet _signingKeys;
    private readonly TimeSpan _tolerance;
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a verifier with the tokens, signing tokens and tolerance of <paramref name="options"/>, on the system clock.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <exception cref="InvalidOperationException">A signing token is not <c>whsec_</c> followed by base64.</exception>
    public GitLabWebhookVerifier(GitLabWebhookOptions options)
        : this(options, TimeProvider.System)
    {
    }

    /// <summary>Initializes a verifier with the tokens, signing tokens and tolerance of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    /// <param name="timeProvider">The clock a signed <c>webhook-timestamp</c> is judged by.</param>
    /// <exception cref="InvalidOperationException">A signing token is not <c>whsec_</c> followed by base64.</exception>
    public GitLabWebhookVerifier(GitLabWebhookOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _tokenHashes = [.. options.Secrets.Select(SignatureMath.HashToken)];
        _tokenMismatch = _tokenHashes.Length == 1
            ? TokenHeader + " does not match the configured token"
            : $"{TokenHeader} matches none of the {_tokenHashes.Length} configured tokens";
        _signingKeys = new HmacKeySet(HmacSignatureAlgorithm.Sha256, options.SigningTokens.Select(token => StandardWebhooksSignature.TryDecodeSecret(token, out var key)
            ? key
            : throw new InvalidOperationException("A GitLab signing token is not 'whsec_' followed by base64.")));
        _tolerance = options.Tolerance;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets a value indicating whether secret tokens are configured.</summary>
    internal bool HasTokens => _tokenHashes.Length > 0;

    /// <summary>Gets a value indicating whether signing tokens are configured.</summary>
    internal bool HasSigningTokens => _signingKeys.Count > 0;

    /// <summary>Verifies a delivery: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body) => Verify(headers, body, out _);

    /// <summary>As <see cref="Verify(IHeaderDictionary, ReadOnlySpan{byte})"/>; <paramref name="signed"/> tells whether the signature (not the token) was judged.</summary>
    internal WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, out bool signed)
    {
        ArgumentNullException.ThrowIfNull(headers);
        signed = HasSigningTokens && headers[StandardWebhooksSignature.SignatureHeader].Count > 0;
        if (signed)
        {
            // A signature that is present is the proof, whatever else the request carries: one that fails is refused,
            // never a fall back to X-Gitlab-Token (a token holder could otherwise forge signed bodies).
            return StandardWebhooksSignature.Verify(headers, StandardWebhooksSignature.Standard, body, _signingKeys, _timeProvider, _tolerance);
        }

        if (!HasTokens)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, "webhook-signature missing and this receiver requires signed deliveries");
        }

        if (!SignatureMath.TryGetSingle(headers[TokenHeader], out var token))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, TokenHeader + " missing or repeated");
        }

        return SignatureMath.TokenMatchesAny(token, _tokenHashes)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, _tokenMismatch);
    }
}
