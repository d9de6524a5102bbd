using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace WebhookKit.Verification;

/// <summary>
/// Standard Webhooks signatures (also GitLab signing tokens and Svix): <c>webhook-signature: v1,&lt;base64&gt;</c>
/// over <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the base64 secret after <c>whsec_</c>.
/// </summary>
internal static class StandardWebhooksSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
    private const string SecretPrefix = "whsec_";

    // The signed prefix is "{id}.{timestamp}."; ids are short opaque strings, so a bounded stack buffer suffices.
    private const int MaxPrefixBytes = 512;

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

    /// <summary>Verifies the Standard Webhooks headers against the body; <paramref name="failureReason"/> is fixed text.</summary>
    public static bool Verify(
        IHeaderDictionary headers,
        ReadOnlySpan<byte> body,
        byte[][] keys,
        TimeProvider timeProvider,
        TimeSpan tolerance,
        out string failureReason)
    {
        if (!SignatureMath.TryGetSingle(headers[IdHeader], out var id)
            || !SignatureMath.TryGetSingle(headers[TimestampHeader], out var timestamp)
            || !SignatureMath.TryGetSingle(headers[SignatureHeader], out var signatures))
        {
            failureReason = "Standard Webhooks id, timestamp or signature header missing or repeated";
            return false;
        }

        if (!long.TryParse(timestamp, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var signedAt))
        {
            failureReason = "Standard Webhooks timestamp is not a number";
            return false;
        }

        if (!SignatureMath.IsWithinTolerance(signedAt, timeProvider, tolerance))
        {
            failureReason = "Standard Webhooks timestamp outside tolerance";
            return false;
        }

        Span<byte> prefix = stackalloc byte[MaxPrefixBytes];
        if (!SignatureMath.TryWriteAscii(id, prefix, out var idLength)
            || idLength + timestamp.Length + 2 > MaxPrefixBytes)
        {
            failureReason = "Standard Webhooks id is too long or not ASCII";
            return false;
        }

        prefix[idLength] = (byte)'.';
        SignatureMath.TryWriteAscii(timestamp, prefix[(idLength + 1)..], out var timestampLength);
        var prefixLength = idLength + 1 + timestampLength;
        prefix[prefixLength++] = (byte)'.';

        Span<byte> expected = stackalloc byte[SignatureMath.Sha256Length];
        Span<byte> presented = stackalloc byte[SignatureMath.Sha256Length];
        var match = false;
        foreach (var key in keys)
        {
            SignatureMath.HmacSha256(key, prefix[..prefixLength], body, expected);
            foreach (var range in signatures.AsSpan().Split(' '))
            {
                var entry = signatures.AsSpan()[range];
                // Only "v1,<base64>" entries are ours; other versions (v1a, future ones) are skipped.
                if (entry.StartsWith("v1,", StringComparison.Ordinal) && SignatureMath.TryDecodeBase64(entry[3..], presented))
                {
                    match |= CryptographicOperations.FixedTimeEquals(presented, expected);
                }
            }
        }

        failureReason = match ? string.Empty : "Standard Webhooks signature does not match";
        return match;
    }
}
