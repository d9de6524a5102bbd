namespace WebhookKit.Redis.Internal;

/// <summary>
/// The Lua scripts WebhookKit runs in Redis. Each touches only keys of one partition (one hash tag), so it is
/// atomic and runs on one shard of a cluster. A claim's value is its owner (a delivery id) while in flight and
/// <c>done:</c> + owner once handled.
/// </summary>
internal static class RedisScripts
{
    /// <summary>KEYS: claim. ARGV: owner, lease ms. Returns 0 claimed, 1 duplicate (done), 2 in flight.</summary>
    public const string Claim = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 0 end
        local v = redis.call('GET', KEYS[1])
        if v and string.sub(v, 1, 5) == 'done:' then return 1 end
        return 2
        """;

    /// <summary>
    /// KEYS: claim. ARGV: owner, retention ms. Marks the claim done when the owner holds it, or when it is absent
    /// (its lease ran out and nobody claimed it since: the event was handled all the same). Returns 1 when marked.
    /// </summary>
    public const string Complete = """
        local v = redis.call('GET', KEYS[1])
        if v == ARGV[1] or not v then
          redis.call('SET', KEYS[1], 'done:' .. ARGV[1], 'PX', ARGV[2])
          return 1
        end
        return 0
        """;

    /// <summary>KEYS: claim. ARGV: owner. Deletes the claim only when the owner holds it (in flight). Returns 1 when deleted.</summary>
    public const string Release = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>
    /// KEYS: stream, bytes, then per delivery its claim key and its body key. ARGV: max entries, max bytes, group,
    /// then per delivery: owner ('' = enqueue without claiming), lease ms, size, n, and the entry's n field/value
    /// items. Runs in the same MULTI/EXEC as the SETs of the body keys (with a short expiry, in case this script
    /// fails), so that no body passes through Lua. Reads every claim with one MGET (each command a script runs costs
    /// Redis about a microsecond and a half), then claims and appends each delivery in turn, as one step each (a
    /// later delivery of the same event finds the earlier one's claim), keeping the body of what it appended
    /// (PERSIST) and deleting the others. Returns one result per delivery: 0 enqueued, 1 duplicate, 2 in flight,
    /// 3 full (nothing written). Creates the stream and its consumer group on first use.
    /// </summary>
    public const string ClaimAndEnqueueBatch = """
        local maxEntries, maxBytes = tonumber(ARGV[1]), tonumber(ARGV[2])
        local length = redis.call('XLEN', KEYS[1])
        local bytes = 0
        if length > 0 then
          bytes = tonumber(redis.call('GET', KEYS[2]) or '0')
        elseif redis.call('EXISTS', KEYS[1]) == 0 then
          redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[3], '0', 'MKSTREAM')
        end
        local claimKeys = {}
        for k = 3, #KEYS, 2 do claimKeys[#claimKeys + 1] = KEYS[k] end
        local existing = redis.call('MGET', unpack(claimKeys))
        local claimedHere = {}
        local added = 0
        local results = {}
        local a = 4
        for k = 3, #KEYS, 2 do
          local owner, lease, size, n = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
          local first = a + 4
          a = first + n
          local result = 0
          if owner ~= '' then
            local v = existing[(k - 1) / 2]
            if claimedHere[KEYS[k]] then
              result = 2
            elseif v then
              if string.sub(v, 1, 5) == 'done:' then result = 1 else result = 2 end
            end
          end
          if result == 0 and (length >= maxEntries or bytes + size > maxBytes) then result = 3 end
          if result == 0 then
            if owner ~= '' then
              redis.call('SET', KEYS[k], owner, 'PX', lease)
              claimedHere[KEYS[k]] = true
            end
            redis.call('XADD', KEYS[1], '*', unpack(ARGV, first, a - 1))
            redis.call('PERSIST', KEYS[k + 1])
            length = length + 1
            bytes = bytes + size
            added = added + 1
          else
            redis.call('DEL', KEYS[k + 1])
          end
          results[#results + 1] = result
        end
        if added > 0 then redis.call('SET', KEYS[2], bytes) end
        return results
        """;

    /// <summary>
    /// KEYS: stream, bytes, and the entry's body key when known. ARGV: group, entry id, size. Acknowledges and deletes
    /// the entry and its body, so the stream holds exactly the unacknowledged entries; frees its bytes once. Returns 1
    /// when the entry was still there.
    /// </summary>
    public const string Acknowledge = """
        if KEYS[3] then redis.call('DEL', KEYS[3]) end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        if redis.call('XDEL', KEYS[1], ARGV[2]) == 0 then return 0 end
        local left = redis.call('DECRBY', KEYS[2], ARGV[3])
        if left < 0 or redis.call('XLEN', KEYS[1]) == 0 then redis.call('SET', KEYS[2], 0) end
        return 1
        """;

    /// <summary>
    /// KEYS: stream, bytes, then per entry its claim key and its body key. ARGV: group, then per entry: owner,
    /// retention ms (0: do not complete), entry id, size. Completes the claims (DESIGN §1 step 11) and acknowledges a
    /// batch of entries of one partition in one step, deleting their bodies. Multi-key and multi-id commands where
    /// they exist: each command a script runs costs Redis about a microsecond and a half. An entry still pending is
    /// still in the stream (entries are only ever acknowledged and deleted together), so when every id was pending
    /// one XDEL frees them all; otherwise each is deleted on its own to free only the bytes of those still there.
    /// Returns the number of entries.
    /// </summary>
    public const string CompleteAndAcknowledgeBatch = """
        local count = (#KEYS - 2) / 2
        local claims, bodies, ids = {}, {}, {}
        for i = 1, count do
          claims[i] = KEYS[1 + 2 * i]
          bodies[i] = KEYS[2 + 2 * i]
          ids[i] = ARGV[4 * i]
        end
        local current = redis.call('MGET', unpack(claims))
        for i = 1, count do
          local owner, retention = ARGV[4 * i - 2], tonumber(ARGV[4 * i - 1])
          local v = current[i]
          if retention > 0 and (v == owner or not v) then
            redis.call('SET', claims[i], 'done:' .. owner, 'PX', retention)
          end
        end
        redis.call('DEL', unpack(bodies))
        local freed = 0
        if redis.call('XACK', KEYS[1], ARGV[1], unpack(ids)) == count then
          redis.call('XDEL', KEYS[1], unpack(ids))
          for i = 1, count do freed = freed + tonumber(ARGV[4 * i + 1]) end
        else
          for i = 1, count do
            if redis.call('XDEL', KEYS[1], ids[i]) == 1 then freed = freed + tonumber(ARGV[4 * i + 1]) end
          end
        end
        if freed > 0 then
          local left = redis.call('DECRBY', KEYS[2], freed)
          if left < 0 or redis.call('XLEN', KEYS[1]) == 0 then redis.call('SET', KEYS[2], 0) end
        end
        return count
        """;

    /// <summary>
    /// KEYS: stream. ARGV: group, consumer, min idle ms, cursor, count. Takes over entries idle for longer than the
    /// visibility timeout (XAUTOCLAIM) and returns { next cursor, { id, fields, delivery count }... }.
    /// </summary>
    public const string TakeOver = """
        local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
        local out = { claimed[1] }
        for _, entry in ipairs(claimed[2]) do
          if entry and entry[2] then
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
            local count = 1
            if pending[1] then count = pending[1][4] end
            out[#out + 1] = { entry[1], entry[2], count }
          end
        end
        return out
        """;

    /// <summary>
    /// KEYS: stream. ARGV: group, consumer, entry ids. Renews (resets the idle time of) the entries this consumer
    /// still owns, without counting a delivery; entries another consumer took over are left alone.
    /// Returns how many were renewed.
    /// </summary>
    public const string Renew = """
        local renewed = 0
        for i = 3, #ARGV do
          local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1)
          if pending[1] and pending[1][2] == ARGV[2] then
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'JUSTID')
            renewed = renewed + 1
          end
        end
        return renewed
        """;

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
    /// KEYS: claim, stream, bytes, dead, dead-index. ARGV: new owner, lease ms, max entries, max bytes, size, group,
    /// dead delivery id, then the new entry's field/value pairs. Moves a dead letter back into the stream as a new
    /// claimed delivery in one step. Returns 0 replayed, 1/2 already accepted (done / in flight), 3 full, 4 not found.
    /// </summary>
    public const string Replay = """
        local dead = redis.call('HGET', KEYS[5], ARGV[7])
        if not dead then return 4 end
        local v = redis.call('GET', KEYS[1])
        if v then
          if string.sub(v, 1, 5) == 'done:' then return 1 end
          return 2
        end
        local size = tonumber(ARGV[5])
        local bytes = 0
        if redis.call('EXISTS', KEYS[2]) == 0 then
          redis.call('XGROUP', 'CREATE', KEYS[2], ARGV[6], '0', 'MKSTREAM')
        else
          local length = redis.call('XLEN', KEYS[2])
          if length >= tonumber(ARGV[3]) then return 3 end
          if length > 0 then bytes = tonumber(redis.call('GET', KEYS[3]) or '0') end
        end
        if bytes + size > tonumber(ARGV[4]) then return 3 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        redis.call('XADD', KEYS[2], '*', unpack(ARGV, 8))
        redis.call('SET', KEYS[3], bytes + size)
        redis.call('XDEL', KEYS[4], dead)
        redis.call('HDEL', KEYS[5], ARGV[7])
        return 0
        """;
}
