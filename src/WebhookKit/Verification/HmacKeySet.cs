using System.Security.Cryptography;
using System.Text;
using WebhookKit.Hmac;

namespace WebhookKit.Verification;

/// <summary>
/// The configured secrets of one receiver as HMAC keys, answering one question: does any of them produce this MAC?
/// Every key is computed and every presented MAC compared, in constant time and with no early exit, so the time taken
/// does not tell which secret matched, or whether one did; it grows with the number of secrets only.
/// </summary>
/// <remarks>
/// Each key keeps a small pool of HMAC contexts whose key schedule is already done, so a verification allocates nothing
/// and skips the setup a one-shot <c>HMACSHA256.HashData</c> pays on every call. A signed prefix (<c>"{t}."</c>) and the
/// body are hashed in sequence, never joined in a copy. Thread-safe: build one per receiver and share it.
/// </remarks>
public sealed class HmacKeySet
{
    /// <summary>The longest MAC of a supported algorithm (SHA-512), in bytes.</summary>
    internal const int MaxMacLength = SignatureMath.Sha512Length;

    private readonly HmacKey[] _keys;
    private NoMatch? _noMatch;

    /// <summary>Initializes a key set from raw keys (for example the base64-decoded part of a <c>whsec_</c> secret).</summary>
    /// <param name="algorithm">The hash function.</param>
    /// <param name="keys">The keys, in any order; each is copied.</param>
    public HmacKeySet(HmacSignatureAlgorithm algorithm, IEnumerable<byte[]> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var name = algorithm switch
        {
            HmacSignatureAlgorithm.Sha256 => HashAlgorithmName.SHA256,
            HmacSignatureAlgorithm.Sha1 => HashAlgorithmName.SHA1,
            HmacSignatureAlgorithm.Sha512 => HashAlgorithmName.SHA512,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Only SHA-256, SHA-1 and SHA-512 are supported."),
        };
        Algorithm = algorithm;
        MacLength = algorithm switch
        {
            HmacSignatureAlgorithm.Sha1 => SignatureMath.Sha1Length,
            HmacSignatureAlgorithm.Sha512 => SignatureMath.Sha512Length,
            _ => SignatureMath.Sha256Length,
        };
        _keys = [.. keys.Select(key => new HmacKey(name, (key ?? throw new ArgumentException("A key is null.", nameof(keys))).ToArray()))];
    }

    /// <summary>Gets the hash function.</summary>
    public HmacSignatureAlgorithm Algorithm { get; }

    /// <summary>Gets the length of one MAC in bytes: 32 for SHA-256, 20 for SHA-1, 64 for SHA-512.</summary>
    public int MacLength { get; }

    /// <summary>Gets the number of keys.</summary>
    public int Count => _keys.Length;

    /// <summary>
    /// The reason logged when a well-formed signature in <paramref name="where"/> matches no key: how many were tried,
    /// never which or what they are (so a wrong secret reads differently from a garbled header).
    /// </summary>
    /// <param name="where">What held the signature, for example a header name.</param>
    /// <returns>The reason.</returns>
    /// <remarks>The last reason is kept for its <paramref name="where"/>, so that a refused request allocates nothing.</remarks>
    public string NoMatchReason(string where)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (Volatile.Read(ref _noMatch) is { } cached && ReferenceEquals(cached.Where, where))
        {
            return cached.Reason;
        }

        var reason = _keys.Length == 1
            ? $"{where} is well formed but does not match the configured secret"
            : $"{where} is well formed but matches none of the {_keys.Length} configured secrets";
        Volatile.Write(ref _noMatch, new NoMatch(where, reason));
        return reason;
    }

    private sealed record NoMatch(string Where, string Reason);

    /// <summary>Creates a key set whose keys are the UTF-8 bytes of <paramref name="secrets"/>, as most senders use a shared secret.</summary>
    /// <param name="algorithm">The hash function.</param>
    /// <param name="secrets">The secrets, for example <see cref="WebhookReceiverOptions.Secrets"/>.</param>
    /// <returns>The key set.</returns>
    public static HmacKeySet FromSecrets(HmacSignatureAlgorithm algorithm, IEnumerable<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return new HmacKeySet(algorithm, secrets.Select(secret => Encoding.UTF8.GetBytes(secret ?? throw new ArgumentException("A secret is null.", nameof(secrets)))));
    }

    /// <summary>Tells whether any key's HMAC of <paramref name="body"/> is one of the presented MACs.</summary>
    /// <param name="presented">One decoded MAC of <see cref="MacLength"/> bytes, or several laid end to end (a header that lists a signature per secret).</param>
    /// <param name="body">The signed content, for example the raw request body.</param>
    /// <returns><see langword="true"/> when one matches; <see langword="false"/> as well when <paramref name="presented"/> is empty or not a whole number of MACs.</returns>
    public bool MatchesAny(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> body) => MatchesAny(presented, default, body);

    /// <summary>Tells whether any key's HMAC of <paramref name="signedPrefix"/> followed by <paramref name="body"/> is one of the presented MACs.</summary>
    /// <param name="presented">One decoded MAC of <see cref="MacLength"/> bytes, or several laid end to end (a header that lists a signature per secret).</param>
    /// <param name="signedPrefix">What the sender signs before the body, for example <c>"{timestamp}."</c> in UTF-8; empty for none.</param>
    /// <param name="body">The rest of the signed content, usually the raw request body.</param>
    /// <returns><see langword="true"/> when one matches; <see langword="false"/> as well when <paramref name="presented"/> is empty or not a whole number of MACs.</returns>
    public bool MatchesAny(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> signedPrefix, ReadOnlySpan<byte> body)
    {
        var length = MacLength;
        if (presented.IsEmpty || presented.Length % length != 0)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[MaxMacLength];
        expected = expected[..length];
        var match = false;
        foreach (var key in _keys)
        {
            key.Compute(signedPrefix, body, expected);
            for (var offset = 0; offset < presented.Length; offset += length)
            {
                // No early exit, across MACs or keys: the time does not depend on where (or whether) one matches.
                match |= CryptographicOperations.FixedTimeEquals(presented.Slice(offset, length), expected);
            }
        }

        return match;
    }
}
