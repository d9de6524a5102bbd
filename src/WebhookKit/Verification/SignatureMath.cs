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
    public static void HmacSha256(byte[] key, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body, Span<byte> destination) =>
        Hmac(HashAlgorithmName.SHA256, key, prefix, body, destination);

    /// <summary>
    /// Computes the HMAC (SHA-1, SHA-256 or SHA-512) of <c>prefix</c> followed by <c>body</c>; a non-empty prefix is
    /// joined with the body in a pooled buffer, so nothing is allocated per call.
    /// </summary>
    public static void Hmac(HashAlgorithmName algorithm, byte[] key, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        if (prefix.IsEmpty)
        {
            CryptographicOperations.HmacData(algorithm, key, body, destination);
            return;
        }

        var length = prefix.Length + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            prefix.CopyTo(rented);
            body.CopyTo(rented.AsSpan(prefix.Length));
            CryptographicOperations.HmacData(algorithm, key, rented.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Gets the HMAC length in bytes of SHA-1, SHA-256 or SHA-512.</summary>
    public static int HmacLength(HashAlgorithmName algorithm) =>
        algorithm == HashAlgorithmName.SHA1 ? Sha1Length
        : algorithm == HashAlgorithmName.SHA512 ? Sha512Length
        : algorithm == HashAlgorithmName.SHA256 ? Sha256Length
        : throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm.Name, "Only SHA-1, SHA-256 and SHA-512 are supported.");

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

/// <summary>
/// An HMAC key with a small pool of keyed HMAC contexts, for the verifiers' hot path. Each computation reuses a
/// context whose key is already set up, which saves what the one-shot <c>HMACSHA256.HashData</c> pays on every
/// call (creating a context and running the key schedule: about 0.7 µs, a third of the cost over a 1 KB body), and
/// hashes a signed prefix (<c>"{t}."</c>) and the body in sequence instead of joining them in a copy.
/// </summary>
/// <remarks>
/// Thread-safe: a context is taken out of its slot with an atomic exchange, so two threads never share one, and
/// it is put back only after <see cref="IncrementalHash.GetHashAndReset(Span{byte})"/> left it reset to the bare
/// key (a context whose computation threw is disposed instead). Nothing is allocated once the pool is warm; when
/// more threads verify at once than there are slots, the extra contexts are created and disposed.
/// </remarks>
internal sealed class HmacKey
{
    private readonly HashAlgorithmName _algorithm;
    private readonly byte[] _key;
    private readonly IncrementalHash?[] _pool;

    public HmacKey(HashAlgorithmName algorithm, byte[] key)
    {
        _algorithm = algorithm;
        _key = key;
        _pool = new IncrementalHash?[Math.Clamp(Environment.ProcessorCount * 2, 4, 64)];
    }

    /// <summary>Computes the HMAC of <paramref name="prefix"/> followed by <paramref name="body"/> into <paramref name="destination"/>.</summary>
    public void Compute(ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        var hmac = Rent(out var slot);
        try
        {
            if (!prefix.IsEmpty)
            {
                hmac.AppendData(prefix);
            }

            hmac.AppendData(body);
            hmac.GetHashAndReset(destination);
        }
        catch
        {
            hmac.Dispose();
            throw;
        }

        Return(hmac, slot);
    }

    private IncrementalHash Rent(out int slot)
    {
        var pool = _pool;
        // Start at a slot picked by the thread id, so that threads mostly touch different slots.
        var start = (Environment.CurrentManagedThreadId & int.MaxValue) % pool.Length;
        for (var i = 0; i < pool.Length; i++)
        {
            slot = start + i < pool.Length ? start + i : start + i - pool.Length;
            if (Volatile.Read(ref pool[slot]) is not null && Interlocked.Exchange(ref pool[slot], null) is { } pooled)
            {
                return pooled;
            }
        }

        slot = start;
        return IncrementalHash.CreateHMAC(_algorithm, _key);
    }

    private void Return(IncrementalHash hmac, int slot)
    {
        var pool = _pool;
        for (var i = 0; i < pool.Length; i++)
        {
            var candidate = slot + i < pool.Length ? slot + i : slot + i - pool.Length;
            if (Interlocked.CompareExchange(ref pool[candidate], hmac, null) is null)
            {
                return;
            }
        }

        hmac.Dispose();
    }
}
