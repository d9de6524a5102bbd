namespace WebhookKit.Redis.Internal;

/// <summary>The scripts of the dead-letter streams: adding, deleting, and replaying a dead letter into its delivery stream.</summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: dead, dead-index. ARGV: delivery id, capacity, then the dead letter's field/value pairs. Adds the dead
    /// letter once per delivery id and evicts the oldest beyond capacity. Returns -1 when already there, else the
    /// number evicted.
    /// </summary>
    public const string AddDeadLetter = """
        if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return -1 end
        local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 3))
        redis.call('HSET', KEYS[2], ARGV[1], id)
        local over = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[2])
        local evicted = 0
        if over > 0 then
          for _, entry in ipairs(redis.call('XRANGE', KEYS[1], '-', '+', 'COUNT', over)) do
            local fields = entry[2]
            for i = 1, #fields, 2 do
              if fields[i] == 'id' then redis.call('HDEL', KEYS[2], fields[i + 1]) break end
            end
            redis.call('XDEL', KEYS[1], entry[1])
            evicted = evicted + 1
          end
        end
        return evicted
        """;

    /// <summary>KEYS: dead, dead-index. ARGV: delivery id. Returns 1 when the dead letter existed and was deleted.</summary>
    public const string DeleteDeadLetter = """
        local id = redis.call('HGET', KEYS[2], ARGV[1])
        if not id then return 0 end
        redis.call('HDEL', KEYS[2], ARGV[1])
        return redis.call('XDEL', KEYS[1], id)
        """;

    /// <summary>
    /// KEYS: stream, bytes, dead, dead-index, then the new delivery's claims (its event id's and, with a replay key, its
    /// body digest's). ARGV: new owner, lease ms, max entries, max bytes, size, group, dead delivery id, then the new
    /// entry's field/value pairs. Moves a dead letter back into the stream as a new delivery holding all its claims, in
    /// one step; claims follow <see cref="Claim"/>. Returns a <see cref="RedisClaimCode"/>: done (replayed), duplicate or
    /// in flight (the event's claim done or held), full, not found, replay (the body was accepted since under another event).
    /// </summary>
    public const string Replay = """
        local dead = redis.call('HGET', KEYS[4], ARGV[7])
        if not dead then return 6 end
        local first = redis.call('GET', KEYS[5])
        if first then
          if string.sub(first, 1, 5) == 'done:' then return 1 end
          return 2
        end
        local event = 'e:' .. redis.sha1hex(KEYS[5])
        for i = 6, #KEYS do
          local v = redis.call('GET', KEYS[i])
          if v and v ~= event then return 4 end
        end
        local size = tonumber(ARGV[5])
        local bytes = 0
        if redis.call('EXISTS', KEYS[1]) == 0 then
          redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[6], '0', 'MKSTREAM')
        else
          local length = redis.call('XLEN', KEYS[1])
          if length >= tonumber(ARGV[3]) then return 3 end
          if length > 0 then bytes = tonumber(redis.call('GET', KEYS[2]) or '0') end
        end
        if bytes + size > tonumber(ARGV[4]) then return 3 end
        redis.call('SET', KEYS[5], ARGV[1], 'PX', ARGV[2])
        for i = 6, #KEYS do
          if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[2]) then redis.call('SET', KEYS[i], event, 'PX', ARGV[2]) end
        end
        redis.call('XADD', KEYS[1], '*', unpack(ARGV, 8))
        redis.call('SET', KEYS[2], bytes + size)
        redis.call('XDEL', KEYS[3], dead)
        redis.call('HDEL', KEYS[4], ARGV[7])
        return 0
        """;
}
