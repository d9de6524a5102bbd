using System.Collections;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace WebhookKit.Idempotency;

/// <summary>
/// The idempotency keys of one delivery (its event's key, then its body's when there is one), as the receive path
/// claims them and the delivery carries them to renewal, completion and release. It keeps the keys' digests, which the
/// in-memory store identifies keys by, so that a delivery's claim, renewal and completion hash each key once instead
/// of on every call (a SHA-256 per key and call was a measurable part of an accepted delivery's cost). They are two
/// fields, not an object: a queued delivery is what a collection during a burst copies.
/// </summary>
internal sealed class IdempotencyKeyList(string eventKey, string? contentKey) : IReadOnlyList<string>
{
    private (ulong Low, ulong High) _eventKeyDigest;
    private (ulong Low, ulong High) _contentKeyDigest;

    // Written after the digests: a reader that sees it set sees them. Two threads that race both write the same values.
    private volatile bool _digested;

    public int Count => contentKey is null ? 1 : 2;

    public string this[int index] => index switch
    {
        0 => eventKey,
        1 when contentKey is not null => contentKey,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>The first 128 bits of the SHA-256 of a key's UTF-16 code units: as good as the key for telling keys apart.</summary>
    public static (ulong Low, ulong High) Digest(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(key.AsSpan()), hash);
        return (MemoryMarshal.Read<ulong>(hash), MemoryMarshal.Read<ulong>(hash[sizeof(ulong)..]));
    }

    /// <summary>Gets the <see cref="Digest"/> of the key at <paramref name="index"/>, computed for every key on first use.</summary>
    public (ulong Low, ulong High) DigestOf(int index)
    {
        if (!_digested)
        {
            _eventKeyDigest = Digest(eventKey);
            if (contentKey is not null)
            {
                _contentKeyDigest = Digest(contentKey);
            }

            _digested = true;
        }

        return index switch
        {
            0 => _eventKeyDigest,
            1 when contentKey is not null => _contentKeyDigest,
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };
    }

    public IEnumerator<string> GetEnumerator()
    {
        yield return eventKey;
        if (contentKey is not null)
        {
            yield return contentKey;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
