using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace WebhookKit.Verification;

/// <summary>
/// The providers' internal helpers around verification: header values, token hashes and fallback ids. Decoding,
/// timestamps and form detection are public in <see cref="WebhookSignature"/>, HMAC in <see cref="HmacKeySet"/>.
/// </summary>
internal static class SignatureMath
{
    public const int Sha256Length = 32;
    public const int Sha1Length = 20;
    public const int Sha512Length = 64;

    /// <summary>Gets the single value of a header, or false when it is absent, repeated or empty.</summary>
    public static bool TryGetSingle(StringValues values, out string value)
    {
        if (values.Count == 1 && values[0] is { Length: > 0 } single)
        {
            value = single;
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>As <see cref="WebhookSignature.TryDecodeHex"/> (the parser fuzz tests reach it by this name).</summary>
    public static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> destination) => WebhookSignature.TryDecodeHex(hex, destination);

    /// <summary>As <see cref="WebhookSignature.TryDecodeBase64"/> (the parser fuzz tests reach it by this name).</summary>
    public static bool TryDecodeBase64(ReadOnlySpan<char> base64, Span<byte> destination) => WebhookSignature.TryDecodeBase64(base64, destination);

    /// <summary>A SHA-256 of the bytes as lower-case hex: the fallback event id of deliveries that carry none (identical retries share it).</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[Sha256Length];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// Compares a presented token with known token hashes in constant time: both sides are hashed first,
    /// so neither the content nor the length of the configured token leaks through timing.
    /// </summary>
    public static bool TokenMatchesAny(string presented, byte[][] knownTokenHashes) => TokenMatchesAny(presented.AsSpan(), knownTokenHashes);

    /// <summary>As <see cref="TokenMatchesAny(string, byte[][])"/>, for a token that is part of a header value (after <c>Bearer </c>), without copying it to a string.</summary>
    public static bool TokenMatchesAny(ReadOnlySpan<char> presented, byte[][] knownTokenHashes)
    {
        var byteCount = Encoding.UTF8.GetByteCount(presented);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var written = Encoding.UTF8.GetBytes(presented, rented);
            Span<byte> presentedHash = stackalloc byte[Sha256Length];
            SHA256.HashData(rented.AsSpan(0, written), presentedHash);

            var match = false;
            foreach (var known in knownTokenHashes)
            {
                // No early exit: every configured token is compared.
                match |= CryptographicOperations.FixedTimeEquals(presentedHash, known);
            }

            return match;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: true);
        }
    }

    public static byte[] HashToken(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Encodes ASCII-only text (a timestamp, an id) into <paramref name="destination"/>; false when it does not fit or is not ASCII.</summary>
    public static bool TryWriteAscii(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length > destination.Length || !Ascii.IsValid(text))
        {
            return false;
        }

        return Encoding.ASCII.TryGetBytes(text, destination, out written);
    }
}
