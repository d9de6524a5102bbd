using Microsoft.AspNetCore.Http;

namespace WebhookKit.Verification;

/// <summary>
/// Standard Webhooks signatures (Standard Webhooks senders, Svix, GitLab signing tokens):
/// <c>webhook-signature: v1,&lt;base64&gt;</c> (several space-separated entries allowed) over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the base64 secret after <c>whsec_</c>.
/// Svix sends the same scheme under <c>svix-id</c>, <c>svix-timestamp</c> and <c>svix-signature</c>.
/// </summary>
internal static class StandardWebhooksSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    public const string SvixIdHeader = "svix-id";
    public const string SvixTimestampHeader = "svix-timestamp";
    public const string SvixSignatureHeader = "svix-signature";
    private const string SecretPrefix = "whsec_";

    // The signed prefix is "{id}.{timestamp}."; ids are short opaque strings, so a bounded stack buffer suffices.
    private const int MaxPrefixBytes = 512;

    /// <summary>The specification's header names.</summary>
    public static readonly HeaderSet Standard = new(IdHeader, TimestampHeader, SignatureHeader);

    /// <summary>Svix's header names for the same scheme.</summary>
    public static readonly HeaderSet Svix = new(SvixIdHeader, SvixTimestampHeader, SvixSignatureHeader);

    public static bool TryDecodeSecret(string? secret, out byte[] key)
    {
        key = [];
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length == SecretPrefix.Length)
        {
            return false;
        }

        var encoded = secret.AsSpan(SecretPrefix.Length);
        var buffer = new byte[(encoded.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var written) || written == 0)
        {
            return false;
        }

        key = buffer.AsSpan(0, written).ToArray();
        return true;
    }

    /// <summary>Finds the header set a request uses: <c>webhook-*</c> when it has a <c>webhook-signature</c>, else <c>svix-*</c> when it has a <c>svix-signature</c>.</summary>
    public static bool TryFindHeaders(IHeaderDictionary headers, out HeaderSet names)
    {
        if (headers.ContainsKey(SignatureHeader))
        {
            names = Standard;
            return true;
        }

        if (headers.ContainsKey(SvixSignatureHeader))
        {
            names = Svix;
            return true;
        }

        names = Standard;
        return false;
    }

    /// <summary>
    /// Verifies one header set against the body: any <c>v1</c> entry matching any key is accepted. The result's
    /// description is fixed text.
    /// </summary>
    public static WebhookVerificationResult Verify(
        IHeaderDictionary headers,
        HeaderSet names,
        ReadOnlySpan<byte> body,
        HmacKeySet keys,
        TimeProvider timeProvider,
        TimeSpan tolerance)
    {
        const string Missing = "Standard Webhooks id, timestamp or signature header missing or repeated";
        if (!SignatureMath.TryGetSingle(headers[names.Id], out var id))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.IdMissing, Missing);
        }

        if (!SignatureMath.TryGetSingle(headers[names.Timestamp], out var timestamp))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMissing, Missing);
        }

        if (!SignatureMath.TryGetSingle(headers[names.Signature], out var signatures))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMissing, Missing);
        }

        // The signed content is "{id}.{timestamp}.{body}": an id with a '.' would let bytes move between the parts.
        if (id.Contains('.', StringComparison.Ordinal))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.IdMalformed, "Standard Webhooks id contains '.'");
        }

        if (!WebhookSignature.TryParseUnixSeconds(timestamp, out var signedAt))
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.TimestampMalformed, "Standard Webhooks timestamp is not a number");
        }

        if (!WebhookSignature.IsWithinTolerance(signedAt, timeProvider, tolerance))
        {
            return WebhookVerificationResult.OutsideTolerance(signedAt, timeProvider, tolerance);
        }

        Span<byte> prefix = stackalloc byte[MaxPrefixBytes];
        if (!SignatureMath.TryWriteAscii(id, prefix, out var idLength)
            || idLength + timestamp.Length + 2 > MaxPrefixBytes)
        {
            return WebhookVerificationResult.Failed(WebhookVerificationFailure.IdMalformed, "Standard Webhooks id is too long or not ASCII");
        }

        prefix[idLength] = (byte)'.';
        SignatureMath.TryWriteAscii(timestamp, prefix[(idLength + 1)..], out var timestampLength);
        var prefixLength = idLength + 1 + timestampLength;
        prefix[prefixLength++] = (byte)'.';

        // Only "v1,<base64>" entries are ours; other versions (v1a is ed25519, future ones) are skipped.
        return SignatureList.MatchesAny(keys, signatures, ' ', "v1,", base64: true, trimEntries: false, prefix[..prefixLength], body)
            ? WebhookVerificationResult.Verified
            : WebhookVerificationResult.Failed(WebhookVerificationFailure.SignatureMismatch, "Standard Webhooks signature does not match");
    }

    /// <summary>The three header names of one spelling of the scheme.</summary>
    internal sealed record HeaderSet(string Id, string Timestamp, string Signature);
}
