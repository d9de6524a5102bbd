using System.Buffers;
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
/// <remarks>
/// A list the receive path makes (<see cref="Of"/>) holds what its keys are made of, the receiver, the event id and the
/// body's digest, not the keys: the in-memory store needs only their digests, and the journal keeps the list for
/// thousands of deliveries, so two strings of ~110 B each per delivery would be promoted with it
/// (docs/performance.md, "Bursts"). A key is made when it is read as a string.
/// </remarks>
internal sealed class IdempotencyKeyList : IIdempotencyKeyDigests
{
    // Keys as strings (the constructor), or the parts they are made of (Of): _eventKey is null for the latter.
    private readonly string? _eventKey;
    private readonly string? _contentKey;
    private readonly string? _receiver;
    private readonly string? _eventId;
    private readonly UInt128 _bodyDigest;
    private readonly bool _hasContentKey;

    private (ulong Low, ulong High) _eventKeyDigest;
    private (ulong Low, ulong High) _contentKeyDigest;

    // Written after the digests: a reader that sees it set sees them. Two threads that race both write the same values.
    private volatile bool _digested;

    /// <summary>A list of keys given as strings.</summary>
    public IdempotencyKeyList(string eventKey, string? contentKey)
    {
        ArgumentNullException.ThrowIfNull(eventKey);
        _eventKey = eventKey;
        _contentKey = contentKey;
        _hasContentKey = contentKey is not null;
    }

    private IdempotencyKeyList(string receiver, string eventId, UInt128 bodyDigest, bool hasContentKey)
    {
        _receiver = receiver;
        _eventId = eventId;
        _bodyDigest = bodyDigest;
        _hasContentKey = hasContentKey;
    }

    public int Count => _hasContentKey ? 2 : 1;

    /// <summary>Gets the body's key, <see langword="null"/> when the list has only the event's.</summary>
    public string? ContentKey => !_hasContentKey ? null : _contentKey ?? WebhookDelivery.CreateReplayKey(_receiver!, _bodyDigest);

    public string this[int index] => index switch
    {
        0 => _eventKey ?? WebhookDelivery.CreateIdempotencyKey(_receiver!, _eventId!),
        1 when _hasContentKey => ContentKey!,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    /// <summary>
    /// The keys of an event of <paramref name="receiver"/> with <paramref name="eventId"/>, and, when
    /// <paramref name="bodyDigest"/> has a value, the body's key (<see cref="WebhookDelivery.CreateReplayDigest"/>).
    /// </summary>
    public static IdempotencyKeyList Of(string receiver, string eventId, UInt128? bodyDigest)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(eventId);
        return new IdempotencyKeyList(receiver, eventId, bodyDigest.GetValueOrDefault(), bodyDigest.HasValue);
    }

    /// <summary>The first 128 bits of the SHA-256 of a key's UTF-16 code units: as good as the key for telling keys apart.</summary>
    public static (ulong Low, ulong High) Digest(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return DigestOfChars(key);
    }

    /// <summary>Gets the <see cref="Digest(string)"/> of the key at <paramref name="index"/>, computed for every key on first use.</summary>
    public (ulong Low, ulong High) DigestOf(int index)
    {
        if (!_digested)
        {
            _eventKeyDigest = _eventKey is not null ? Digest(_eventKey) : DigestOfEventKey(_receiver!, _eventId!);
            if (_hasContentKey)
            {
                _contentKeyDigest = _contentKey is not null ? Digest(_contentKey) : DigestOfContentKey(_receiver!, _bodyDigest);
            }

            _digested = true;
        }

        return index switch
        {
            0 => _eventKeyDigest,
            1 when _hasContentKey => _contentKeyDigest,
            _ => throw new ArgumentOutOfRangeException(nameof(index)),
        };
    }

    public IEnumerator<string> GetEnumerator()
    {
        yield return this[0];
        if (_hasContentKey)
        {
            yield return this[1];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static (ulong Low, ulong High) DigestOfChars(ReadOnlySpan<char> key)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(MemoryMarshal.AsBytes(key), hash);
        return (MemoryMarshal.Read<ulong>(hash), MemoryMarshal.Read<ulong>(hash[sizeof(ulong)..]));
    }

    // The digests of the strings CreateIdempotencyKey and CreateReplayKey make, of their characters written in place by
    // the same writers the strings are made with.
    private static (ulong Low, ulong High) DigestOfEventKey(string receiver, string eventId) =>
        DigestOfWritten(WebhookDelivery.IdempotencyKeyLength(receiver, eventId), (receiver, eventId), static (key, parts) => WebhookDelivery.WriteIdempotencyKey(parts.receiver, parts.eventId, key));

    private static (ulong Low, ulong High) DigestOfContentKey(string receiver, UInt128 bodyDigest) =>
        DigestOfWritten(WebhookDelivery.ReplayKeyLength(receiver), (receiver, bodyDigest), static (key, parts) => WebhookDelivery.WriteReplayKey(parts.receiver, parts.bodyDigest, key));

    private static (ulong Low, ulong High) DigestOfWritten<TState>(int length, TState state, SpanAction<char, TState> write)
    {
        char[]? rented = null;
        var key = length <= 256 ? stackalloc char[256] : (rented = ArrayPool<char>.Shared.Rent(length));
        write(key[..length], state);
        var digest = DigestOfChars(key[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return digest;
    }
}
