using System.Collections.Concurrent;
using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Every key WebhookKit writes to Redis. All keys of one receiver partition share the hash tag
/// <c>{receiver:partition}</c>, so that each Lua script touches one cluster slot:
/// <code>
/// {prefix}webhookkit:partitions                      SET of "receiver:partition" tags ever used
/// {prefix}webhookkit:{receiver:p}:claim:{event id}   idempotency claim (owner, or "done:" + owner)
/// {prefix}webhookkit:{receiver:p}:stream             delivery stream, consumer group "webhookkit"
/// {prefix}webhookkit:{receiver:p}:body:{delivery id} the body of a delivery in the stream, until it is acknowledged
/// {prefix}webhookkit:{receiver:p}:bytes              bytes held by the stream's unacknowledged entries
/// {prefix}webhookkit:{receiver:p}:dead               dead-letter stream
/// {prefix}webhookkit:{receiver:p}:dead-index         HASH delivery id → dead-letter entry id
/// </code>
/// </summary>
internal sealed class RedisKeyLayout
{
    public const string Group = "webhookkit";

    private readonly string _root;
    private readonly int _partitions;
    private readonly ConcurrentDictionary<(string Receiver, int Partition), string> _tags = new();
    private readonly ConcurrentDictionary<string, PartitionKeys> _keys = new(StringComparer.Ordinal);

    public RedisKeyLayout(string? prefix, int partitions)
    {
        _root = (prefix ?? string.Empty) + "webhookkit:";
        _partitions = partitions;
        PartitionSet = _root + "partitions";
    }

    public RedisKey PartitionSet { get; }

    /// <summary>The hash tag content of the partition an event belongs to: <c>receiver:partition</c>.</summary>
    public string Tag(string receiverName, string eventId) =>
        _tags.GetOrAdd((receiverName, Partition(eventId)), static key => string.Concat(key.Receiver, ":", key.Partition.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The tag of an idempotency key <c>{receiver}:{event id}</c> (receiver names contain no ':').</summary>
    public string TagOfIdempotencyKey(string key, out string eventId)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            eventId = key;
            return Tag("_", key);
        }

        eventId = key[(colon + 1)..];
        return Tag(key[..colon], eventId);
    }

    public RedisKey Claim(string tag, string eventId) => string.Concat(Keys(tag).ClaimPrefix, eventId);

    public RedisKey Stream(string tag) => Keys(tag).Stream;

    public RedisKey Body(string tag, string deliveryId) => string.Concat(Keys(tag).BodyPrefix, deliveryId);

    public RedisKey Bytes(string tag) => Keys(tag).Bytes;

    public RedisKey DeadLetters(string tag) => Keys(tag).DeadLetters;

    public RedisKey DeadLetterIndex(string tag) => Keys(tag).DeadLetterIndex;

    private PartitionKeys Keys(string tag) => _keys.GetOrAdd(tag, static (tag, root) =>
    {
        var partition = string.Concat(root, "{", tag, "}:");
        return new PartitionKeys(partition + "claim:", partition + "stream", partition + "body:", partition + "bytes", partition + "dead", partition + "dead-index");
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

    private sealed record PartitionKeys(string ClaimPrefix, RedisKey Stream, string BodyPrefix, RedisKey Bytes, RedisKey DeadLetters, RedisKey DeadLetterIndex);
}
