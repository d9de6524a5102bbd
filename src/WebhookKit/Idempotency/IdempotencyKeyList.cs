using System.Collections;

namespace WebhookKit.Idempotency;

/// <summary>
/// The idempotency keys of one delivery (its event's key, then its body's when there is one), as the receive path
/// claims them and the delivery carries them to renewal, completion and release. <see cref="StoreState"/> lets the
/// in-memory store derive what it needs from the keys (their digests and shards) once per delivery instead of on each
/// of those calls: a SHA-256 per key and call was a measurable part of an accepted delivery's cost.
/// </summary>
internal sealed class IdempotencyKeyList(string eventKey, string? contentKey) : IReadOnlyList<string>
{
    /// <summary>Gets or sets what the store of this process derived from these keys; the keys never change, so neither does it.</summary>
    /// <remarks>Set by whichever call comes first; a race computes the same value twice, which is harmless.</remarks>
    public object? StoreState { get; set; }

    public int Count => contentKey is null ? 1 : 2;

    public string this[int index] => index switch
    {
        0 => eventKey,
        1 when contentKey is not null => contentKey,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

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
