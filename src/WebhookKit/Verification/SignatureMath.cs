using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace WebhookKit.Verification;

/// <summary>Allocation-free building blocks shared by the verifiers: decoding and constant-time comparison.</summary>
internal static class SignatureMath
{
    public const int Sha256Length = 32;
    public const int Sha1Length = 20;

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

    /// <summary>Decodes hex of exactly <paramref name="destination"/>'s length (either case).</summary>
    public static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        return Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done
            && written == destination.Length;
    }

    /// <summary>Decodes base64 of exactly <paramref name="destination"/>'s length.</summary>
    public static bool TryDecodeBase64(ReadOnlySpan<char> base64, Span<byte> destination)
    {
        // A padded base64 of n bytes is 4 * ceil(n / 3) characters; anything else is not one of ours.
        if (base64.Length != ((destination.Length + 2) / 3) * 4)
        {
            return false;
        }

        return Convert.TryFromBase64Chars(base64, destination, out var written) && written == destination.Length;
    }

    /// <summary>Computes HMAC-SHA256 of <c>prefix</c> followed by <c>body</c> without allocating for small prefixes.</summary>
    public static void HmacSha256(byte[] key, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        if (prefix.IsEmpty)
        {
            HMACSHA256.HashData(key, body, destination);
            return;
        }

        var length = prefix.Length + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            prefix.CopyTo(rented);
            body.CopyTo(rented.AsSpan(prefix.Length));
            HMACSHA256.HashData(key, rented.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Compares a presented token with known token hashes in constant time: both sides are hashed first,
    /// so neither the content nor the length of the configured token leaks through timing.
    /// </summary>
    public static bool TokenMatchesAny(string presented, byte[][] knownTokenHashes)
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

    public static bool IsWithinTolerance(long signedUnixSeconds, TimeProvider timeProvider, TimeSpan tolerance)
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        // Guard the subtraction against overflow from hostile timestamps.
        if (signedUnixSeconds < now - (long)tolerance.TotalSeconds || signedUnixSeconds > now + (long)tolerance.TotalSeconds)
        {
            return false;
        }

        return true;
    }
}
