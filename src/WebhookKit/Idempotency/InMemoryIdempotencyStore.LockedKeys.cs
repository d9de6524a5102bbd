namespace WebhookKit.Idempotency;

/// <summary>Locking the shards of a delivery's keys together, so that its keys are claimed all or none.</summary>
internal sealed partial class InMemoryIdempotencyStore
{
    /// <summary>The shards of a delivery's keys, locked in shard order (so that two multi-key operations cannot deadlock) until disposed.</summary>
    private readonly ref struct LockedKeys
    {
        private readonly (Shard Shard, KeyDigest Digest, int Position)[] _keys;
        private readonly int _lockedCount;

        private LockedKeys((Shard Shard, KeyDigest Digest, int Position)[] keys, int lockedCount, ulong eventTag)
        {
            _keys = keys;
            _lockedCount = lockedCount;
            EventTag = eventTag;
        }

        /// <summary>Gets the tag of the first key, the event's own: content keys (the later ones) are owned by it, not by a delivery.</summary>
        public ulong EventTag { get; }

        public ReadOnlySpan<(Shard Shard, KeyDigest Digest, int Position)> Keys => _keys;

        public static LockedKeys Enter(InMemoryIdempotencyStore store, IReadOnlyList<string> keys)
        {
            ArgumentNullException.ThrowIfNull(keys);
            if (keys.Count == 0)
            {
                throw new ArgumentException("At least one idempotency key is required.", nameof(keys));
            }

            var entries = new (Shard Shard, KeyDigest Digest, int Position)[keys.Count];
            ulong eventTag = 0;
            for (var i = 0; i < entries.Length; i++)
            {
                var digest = KeyDigest.Of(keys, i);
                entries[i] = (store.ShardOf(digest), digest, i);
                if (i == 0)
                {
                    // 64 bits of the event key's SHA-256, not a hash a sender could steer: an id chosen to share the tag
                    // would pass for the same event and replay the body.
                    eventTag = digest.Low;
                }
            }

            if (entries.Length > 1)
            {
                Array.Sort(entries, static (a, b) => a.Shard.Index.CompareTo(b.Shard.Index));
            }

            var locked = 0;
            try
            {
                for (var i = 0; i < entries.Length; i++)
                {
                    if (i == 0 || !ReferenceEquals(entries[i].Shard, entries[i - 1].Shard))
                    {
                        entries[i].Shard.Gate.Enter();
                    }

                    locked = i + 1;
                }
            }
            catch
            {
                new LockedKeys(entries, locked, eventTag).Dispose();
                throw;
            }

            return new LockedKeys(entries, locked, eventTag);
        }

        public void Dispose()
        {
            for (var i = _lockedCount - 1; i >= 0; i--)
            {
                if (i == 0 || !ReferenceEquals(_keys[i].Shard, _keys[i - 1].Shard))
                {
                    _keys[i].Shard.Gate.Exit();
                }
            }
        }
    }
}
