namespace WebhookKit.Idempotency;

/// <summary>
/// A list of idempotency keys that can give each key's digest without making the key a string, and computes it once
/// per list: the capability the in-memory store asks a delivery's keys for (<see cref="IdempotencyKeyList"/> has it;
/// any other list is hashed key by key).
/// </summary>
internal interface IIdempotencyKeyDigests : IReadOnlyList<string>
{
    /// <summary>Gets the <see cref="IdempotencyKeyList.Digest(string)"/> of the key at <paramref name="index"/>.</summary>
    (ulong Low, ulong High) DigestOf(int index);
}
