using Microsoft.AspNetCore.Http;
using WebhookKit.Hmac;
using WebhookKit.Verification;

namespace WebhookKit.GitHub;

/// <summary>
/// Verifies GitHub deliveries anywhere (a queue consumer, a function, a test), with the code the GitHub receiver
/// runs: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c> = HMAC-SHA256(secret, raw body) against every secret, and the
/// legacy <c>X-Hub-Signature: sha1=&lt;hex&gt;</c> only when <see cref="GitHubWebhookOptions.AllowSha1Signatures"/>
/// is set. Thread-safe: build one and share it.
/// </summary>
public sealed class GitHubWebhookVerifier
{
    internal const string Signature256Header = "X-Hub-Signature-256";
    internal const string Signature1Header = "X-Hub-Signature";

    private readonly HmacKeySet _sha256;
    private readonly HmacKeySet? _sha1;

    /// <summary>Initializes a verifier with the secrets of <paramref name="options"/> (and its SHA-1 setting).</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    public GitHubWebhookVerifier(GitHubWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _sha256 = HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha256, options.Secrets);
        _sha1 = options.AllowSha1Signatures ? HmacKeySet.FromSecrets(HmacSignatureAlgorithm.Sha1, options.Secrets) : null;
    }

    /// <summary>Gets a value indicating whether a delivery signed only with the legacy SHA-1 header is verified.</summary>
    internal bool AllowsSha1 => _sha1 is not null;

    /// <summary>Verifies a delivery: its headers and its raw body, byte for byte as received.</summary>
    /// <param name="headers">The request headers.</param>
    /// <param name="body">The raw request body.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[SignatureMath.Sha256Length];
        return Verify(headers, body, mac, out _);
    }

    /// <summary>As <see cref="Verify(IHeaderDictionary, ReadOnlySpan{byte})"/>; the verified MAC is left in <paramref name="mac"/> (32 bytes at least) for the body-digest claim.</summary>
    internal WebhookVerificationResult Verify(IHeaderDictionary headers, ReadOnlySpan<byte> body, Span<byte> mac, out int macLength)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var sha256 = headers[Signature256Header];
        if (sha256.Count > 0)
        {
            macLength = SignatureMath.Sha256Length;
            return Check(sha256, "sha256=", _sha256, body, mac[..macLength], Signature256Header, Signature256Header + " repeated or empty", Signature256Header + " malformed: not 'sha256=' and 64 hex digits");
        }

        if (_sha1 is not null && headers[Signature1Header].Count > 0)
        {
            macLength = SignatureMath.Sha1Length;
            return Check(headers[Signature1Header], "sha1=", _sha1, body, mac[..macLength], Signature1Header, Signature1Header + " repeated or empty", Signature1Header + " malformed: not 'sha1=' and 40 hex digits");
        }

        macLength = 0;
        return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, "X-Hub-Signature-256 missing");
    }

    private static WebhookVerificationResult Check(
        Microsoft.Extensions.Primitives.StringValues values, string prefix, HmacKeySet keys, ReadOnlySpan<byte> body, Span<byte> presented, string headerName, string missing, string malformed)
    {
        if (!SignatureMath.TryGetSingle(values, out var header))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, missing);
        }

        if (!header.StartsWith(prefix, StringComparison.Ordinal) || !WebhookSignature.TryDecodeHex(header.AsSpan(prefix.Length), presented))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, malformed);
        }

        return keys.MatchesAny(presented, body)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, keys.NoMatchReason(headerName));
    }
}
