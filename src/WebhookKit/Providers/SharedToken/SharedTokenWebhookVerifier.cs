using Microsoft.AspNetCore.Http;
using WebhookKit.Verification;

namespace WebhookKit.SharedToken;

/// <summary>
/// Verifies shared-token deliveries anywhere, with the code the shared-token receiver runs: the token presented in
/// <see cref="SharedTokenWebhookOptions.TokenHeader"/> (or as <c>Authorization: Bearer &lt;token&gt;</c>) is compared
/// with every configured token as SHA-256 hashes, in constant time, as GitLab's <c>X-Gitlab-Token</c> is. This proves the
/// sender knows a token; it does not prove the body intact, nor the request fresh. Thread-safe: build one and share it.
/// </summary>
public sealed class SharedTokenWebhookVerifier
{
    private const string BearerScheme = "Bearer ";

    private readonly byte[][] _tokenHashes;
    private readonly string _missing;
    private readonly string _malformed;
    private readonly string _mismatch;

    /// <summary>Initializes a verifier with the tokens and token header of <paramref name="options"/>.</summary>
    /// <param name="options">The receiver's options; read once, here.</param>
    public SharedTokenWebhookVerifier(SharedTokenWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tokenHashes = [.. options.Secrets.Select(SignatureMath.HashToken)];
        TokenHeader = string.IsNullOrEmpty(options.TokenHeader) ? null : options.TokenHeader;
        var where = TokenHeader ?? "Authorization";
        _missing = where + " missing or repeated";
        _malformed = "Authorization malformed: not 'Bearer' and a token";
        _mismatch = _tokenHashes.Length == 1 ? where + " does not match the configured token" : $"{where} matches none of the {_tokenHashes.Length} configured tokens";
    }

    /// <summary>Gets the header the token is read from, or <see langword="null"/> for <c>Authorization: Bearer</c>.</summary>
    internal string? TokenHeader { get; }

    /// <summary>Verifies a delivery by its token. The body is not covered: it is taken as it comes.</summary>
    /// <param name="headers">The request headers.</param>
    /// <returns>Verified, or why not.</returns>
    public WebhookVerificationResult Verify(IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!SignatureMath.TryGetSingle(headers[TokenHeader ?? "Authorization"], out var value))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, _missing);
        }

        var token = value.AsSpan().Trim();
        if (TokenHeader is null)
        {
            // RFC 9110: the scheme is case-insensitive, then one or more spaces.
            if (token.Length <= BearerScheme.Length || !token.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase))
            {
                return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMalformed, _malformed);
            }

            token = token[BearerScheme.Length..].TrimStart(' ');
        }

        return token.Length > 0 && SignatureMath.TokenMatchesAny(token, _tokenHashes)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, _mismatch);
    }
}
