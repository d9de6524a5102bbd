using System.Buffers;

namespace WebhookKit.Verification;

/// <summary>
/// Headers that list several signatures, one per secret while a sender rotates (Stripe's <c>v1=…,v1=…</c>, Standard
/// Webhooks' <c>v1,… v1,…</c>): every entry of the scheme's version is decoded, then all are judged at once by
/// <see cref="HmacKeySet.MatchesAny(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>, so each key's
/// HMAC is computed once whatever the number of entries.
/// </summary>
internal static class SignatureList
{
    // Up to this many entries are decoded on the stack (at most 512 bytes); a longer header rents a buffer.
    private const int StackEntries = 8;

    /// <summary>
    /// Tells whether an entry of <paramref name="header"/> that starts with <paramref name="version"/> is a MAC of
    /// <paramref name="signedPrefix"/> + <paramref name="body"/> under one of <paramref name="keys"/>. Entries of other
    /// versions, and entries that do not decode, are skipped.
    /// </summary>
    public static bool MatchesAny(
        HmacKeySet keys,
        ReadOnlySpan<char> header,
        char separator,
        ReadOnlySpan<char> version,
        bool base64,
        bool trimEntries,
        ReadOnlySpan<byte> signedPrefix,
        ReadOnlySpan<byte> body)
    {
        var count = 0;
        foreach (var range in header.Split(separator))
        {
            if (Entry(header, range, trimEntries).StartsWith(version, StringComparison.Ordinal))
            {
                count++;
            }
        }

        if (count == 0)
        {
            return false;
        }

        var length = keys.MacLength;
        byte[]? rented = null;
        var buffer = count <= StackEntries
            ? stackalloc byte[count * length]
            : rented = ArrayPool<byte>.Shared.Rent(count * length);
        try
        {
            var written = 0;
            foreach (var range in header.Split(separator))
            {
                var entry = Entry(header, range, trimEntries);
                if (entry.StartsWith(version, StringComparison.Ordinal)
                    && (base64
                        ? WebhookSignature.TryDecodeBase64(entry[version.Length..], buffer.Slice(written, length))
                        : WebhookSignature.TryDecodeHex(entry[version.Length..], buffer.Slice(written, length))))
                {
                    written += length;
                }
            }

            return keys.MatchesAny(buffer[..written], signedPrefix, body);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static ReadOnlySpan<char> Entry(ReadOnlySpan<char> header, Range range, bool trim) =>
        trim ? header[range].Trim() : header[range];
}
