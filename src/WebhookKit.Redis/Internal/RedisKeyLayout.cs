using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;
using WebhookKit.Dispatch;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Every key WebhookKit writes to Redis. All keys of one receiver partition share the hash tag
/// <c>{receiver:partition}</c>, so that each Lua script touches one cluster slot:
/// <code>
/// {prefix}webhookkit:partitions                      SET of "receiver:partition" tags ever used
/// {prefix}webhookkit:{receiver:p}:claim:{event id}   idempotency claim (owner, or "done:" + owner)
/// {prefix}webhookkit:{receiver:p}:replay:{digest}    body-digest claim of a delivery with a replay key (same values)
/// {prefix}webhookkit:{receiver:p}:stream             delivery stream, consumer group "webhookkit"
/// {prefix}webhookkit:{receiver:p}:body:{delivery id} the body of a delivery in the stream, until it is acknowledged
/// {prefix}webhookkit:{receiver:p}:bytes              bytes held by the stream's unacknowledged entries
/// {prefix}webhookkit:{receiver:p}:dead               dead-letter stream
/// {prefix}webhookkit:{receiver:p}:dead-index         HASH delivery id → dead-letter entry id
/// {prefix}webhookkit:{journal}:clock                 HASH the shared journal's last sequence and time
/// {prefix}webhookkit:{journal}:entries               the journal's stream of verified requests and handling
/// {prefix}webhookkit:{journal}:rejected              the journal's stream of refused requests
/// </code>
/// The partition of a delivery is a hash of its event id, or of its replay key's digest when it has one
/// (<see cref="WebhookDelivery.ReplayKey"/>: its provider does not sign the event id). Then both its claims, its entry
/// and its body share that partition, so that a redelivery (same id, same body) and a relabelled replay (new id, same
/// body) meet the claims of the first delivery in one slot, and one script claims both keys, all or none.
/// </summary>
internal sealed class RedisKeyLayout
{
    public const string Group = "webhookkit";

    private static readonly SearchValues<char> LowercaseHex = SearchValues.Create("0123456789abcdef");

    private readonly string _root;
    private readonly int _partitions;
    private readonly ConcurrentDictionary<(string Receiver, int Partition), string> _tags = new();
    private readonly ConcurrentDictionary<string, PartitionKeys> _keys = new(StringComparer.Ordinal);

    public RedisKeyLayout(string? prefix, int partitions)
    {
        _root = (prefix ?? string.Empty) + "webhookkit:";
        _partitions = partitions;
        PartitionSet = _root + "partitions";
        JournalClock = _root + "{journal}:clock";
        JournalEntries = _root + "{journal}:entries";
        JournalRejected = _root + "{journal}:rejected";
    }

    public RedisKey PartitionSet { get; }

    /// <summary>Gets the key of the shared journal's sequence and clock; the journal's keys share the hash tag <c>{journal}</c>.</summary>
    public RedisKey JournalClock { get; }

    /// <summary>Gets the key of the shared journal's stream of verified requests and handling.</summary>
    public RedisKey JournalEntries { get; }

    /// <summary>Gets the key of the shared journal's stream of refused requests, bounded apart.</summary>
    public RedisKey JournalRejected { get; }

    /// <summary>Gets the number of partitions of each receiver (<see cref="RedisWebhookOptions.Partitions"/>).</summary>
    public int Partitions => _partitions;

    /// <summary>The hash tag content of the partition an event belongs to: <c>receiver:partition</c>.</summary>
    public string Tag(string receiverName, string eventId) =>
        _tags.GetOrAdd((receiverName, Partition(eventId)), static key => string.Concat(key.Receiver, ":", key.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The tag of a delivery: of its replay key's digest when it has one, else of its event id.</summary>
    public string Tag(WebhookDelivery delivery) =>
        delivery.ReplayKey is { } replayKey ? Tag(delivery.ReceiverName, Digest(replayKey)) : Tag(delivery.ReceiverName, delivery.EventId);

    /// <summary>
    /// The tag and Redis keys of a delivery's idempotency keys (<c>{receiver}:{event id}</c>, and a replay key
    /// <c>{receiver}:\u001F…</c>): under the partition of the replay key when there is one, as <see cref="Tag(WebhookDelivery)"/>.
    /// </summary>
    public string ClaimKeys(IReadOnlyList<string> keys, out RedisKey[] redisKeys)
    {
        ArgumentOutOfRangeException.ThrowIfZero(keys.Count);
        var ids = new string[keys.Count];
        var receiver = Receiver(keys[0], out ids[0]);
        string? source = null;
        for (var i = 0; i < keys.Count; i++)
        {
            if (i > 0 && !string.Equals(Receiver(keys[i], out ids[i]), receiver, StringComparison.Ordinal))
            {
                throw new ArgumentException("The idempotency keys claimed together must belong to one receiver.", nameof(keys));
            }

            if (source is null && IsReplayId(ids[i]))
            {
                source = Digest(keys[i]);
            }
        }

        var tag = Tag(receiver, source ?? ids[0]);
        redisKeys = new RedisKey[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            redisKeys[i] = IsReplayId(ids[i]) ? Replay(tag, keys[i]) : Claim(tag, ids[i]);
        }

        return tag;
    }

    /// <summary>The Redis keys of a delivery's claims in partition <paramref name="tag"/>: the event id's, then the replay key's.</summary>
    public RedisKey[] ClaimKeys(string tag, WebhookDelivery delivery) =>
        delivery.ReplayKey is { } replayKey ? [Claim(tag, delivery.EventId), Replay(tag, replayKey)] : [Claim(tag, delivery.EventId)];

    public RedisKey Claim(string tag, string eventId) => string.Concat(Keys(tag).ClaimPrefix, eventId);

    /// <summary>The body-digest claim of <paramref name="replayKey"/>: its digest only, so the key stays short.</summary>
    public RedisKey Replay(string tag, string replayKey) => string.Concat(Keys(tag).ReplayPrefix, Digest(replayKey));

    public RedisKey Stream(string tag) => Keys(tag).Stream;

    public RedisKey Body(string tag, string deliveryId) => string.Concat(Keys(tag).BodyPrefix, deliveryId);

    public RedisKey Bytes(string tag) => Keys(tag).Bytes;

    public RedisKey DeadLetters(string tag) => Keys(tag).DeadLetters;

    public RedisKey DeadLetterIndex(string tag) => Keys(tag).DeadLetterIndex;

    private PartitionKeys Keys(string tag) => _keys.GetOrAdd(tag, static (tag, root) =>
    {
        var partition = string.Concat(root, "{", tag, "}:");
        return new PartitionKeys(partition + "claim:", partition + "replay:", partition + "stream", partition + "body:", partition + "bytes", partition + "dead", partition + "dead-index");
    }, _root);

    /// <summary>A stable hash (FNV-1a over UTF-16 code units) of the event id, modulo the partition count.</summary>
    public int Partition(string eventId)
    {
        if (_partitions == 1)
        {
            return 0;
        }

        var hash = 2166136261u;
        foreach (var c in eventId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)_partitions);
    }

    /// <summary>
    /// The digest of a replay key: what follows its last ':' when it is 1 to 64 lowercase hex digits (the receive path
    /// writes 32), otherwise the first 32 hex digits of its SHA-256, so that any key maps to a short Redis key.
    /// </summary>
    internal static string Digest(string replayKey)
    {
        var digest = replayKey.AsSpan(replayKey.LastIndexOf(':') + 1);
        if (digest.Length is > 0 and <= 64 && !digest.ContainsAnyExcept(LowercaseHex))
        {
            return digest.ToString();
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(replayKey)), 0, 16);
    }

    /// <summary>Whether the event id part of an idempotency key marks a replay key (U+001F, which no event id contains).</summary>
    private static bool IsReplayId(string id) => id.Length > 0 && id[0] == '\u001F';

    /// <summary>The receiver of an idempotency key <c>{receiver}:{event id}</c> (receiver names contain no ':'); "_" when it has none.</summary>
    private static string Receiver(string key, out string id)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            id = key;
            return "_";
        }

        id = key[(colon + 1)..];
        return key[..colon];
    }

    private sealed record PartitionKeys(string ClaimPrefix, string ReplayPrefix, RedisKey Stream, string BodyPrefix, RedisKey Bytes, RedisKey DeadLetters, RedisKey DeadLetterIndex);
}
