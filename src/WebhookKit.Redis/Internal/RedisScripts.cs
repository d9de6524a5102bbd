namespace WebhookKit.Redis.Internal;

/// <summary>
/// The Lua scripts WebhookKit runs in Redis. Each touches only keys of one partition (one hash tag), so it is
/// atomic and runs on one shard of a cluster. A delivery's first claim is its event id's: its value is its owner (a
/// delivery id) while in flight, <c>p:</c> + owner while pending (claimed by <see cref="Claim"/>, the delivery not yet
/// known to be queued; <see cref="RenewClaim"/> makes it the owner) and <c>done:</c> + owner once handled. A later claim is a content key (the body digest of
/// a delivery whose id is unsigned): it belongs to the event, not to a delivery, so its value is <c>e:</c> + the SHA-1 of
/// the event's claim key. Another event finding it held is a replay; the same event (the provider's redelivery) may claim
/// it again; it is completed with the event, and never released (see IIdempotencyStore).
/// </summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: the claims of one delivery, its event id's first. ARGV: owner, lease ms. Claims all of them or none, the
    /// event's as pending (<c>p:</c> + owner). Returns a <see cref="RedisClaimCode"/>: done (claimed), duplicate (the
    /// event's claim is done), in flight (the event's claim is held, queued), replay (the event's claim is free, a content
    /// key is held for another event), pending (the event's claim is held, not yet known to be queued).
    /// </summary>
    public const string Claim = """
        local existing = redis.call('MGET', unpack(KEYS))
        if existing[1] then
          if string.sub(existing[1], 1, 5) == 'done:' then return 1 end
          if string.sub(existing[1], 1, 2) == 'p:' then return 5 end
          return 2
        end
        local event = 'e:' .. redis.sha1hex(KEYS[1])
        for i = 2, #KEYS do
          if existing[i] and existing[i] ~= event then return 4 end
        end
        redis.call('SET', KEYS[1], 'p:' .. ARGV[1], 'PX', ARGV[2])
        for i = 2, #KEYS do
          if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[2]) then redis.call('SET', KEYS[i], event, 'PX', ARGV[2]) end
        end
        return 0
        """;

    /// <summary>
    /// KEYS: the claims of one delivery, its event id's first. ARGV: owner, lease ms. When the owner holds the event's
    /// claim (pending or in flight), marks it in flight (the owner) with the lease from now, and extends the event's
    /// content keys to it (never shortening a longer retention). Returns 1 when held, 0 otherwise (completed,
    /// released, expired or another owner's: an absent claim is not taken again).
    /// </summary>
    public const string RenewClaim = """
        local current = redis.call('GET', KEYS[1])
        if current ~= ARGV[1] and current ~= 'p:' .. ARGV[1] then return 0 end
        redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        local event = 'e:' .. redis.sha1hex(KEYS[1])
        for i = 2, #KEYS do
          if redis.call('GET', KEYS[i]) == event and redis.call('PTTL', KEYS[i]) < tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
        end
        return 1
        """;

    /// <summary>
    /// KEYS: the claims of one delivery, its event id's first. ARGV: owner, retention ms. Marks the event's claim done
    /// when the owner holds it (pending or in flight), or when it is absent (its lease ran out and nobody claimed it since: the event was handled
    /// all the same), and keeps the content keys of the event for the retention. Returns 1 when the event's claim was marked.
    /// </summary>
    public const string Complete = """
        local existing = redis.call('MGET', unpack(KEYS))
        local event = 'e:' .. redis.sha1hex(KEYS[1])
        for i = 2, #KEYS do
          if existing[i] == event or not existing[i] then redis.call('SET', KEYS[i], event, 'PX', ARGV[2]) end
        end
        if existing[1] == ARGV[1] or existing[1] == 'p:' .. ARGV[1] or not existing[1] then
          redis.call('SET', KEYS[1], 'done:' .. ARGV[1], 'PX', ARGV[2])
          return 1
        end
        return 0
        """;

    /// <summary>
    /// KEYS: the claims of one delivery, its event id's first. ARGV: owner. Deletes the event's claim when the owner
    /// holds it (pending or in flight); content keys stay until they expire. Returns 1 when deleted.
    /// </summary>
    public const string Release = """
        local current = redis.call('GET', KEYS[1])
        if current == ARGV[1] or current == 'p:' .. ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    /// <summary>
    /// KEYS: stream, bytes, then per delivery its body key and its claim keys (none when it is enqueued without
    /// claiming; else its event id's and, with a replay key, its body digest's). ARGV: max entries, max bytes, group,
    /// then per delivery: owner ('' = enqueue without claiming), lease ms, size, the number of claim keys c, n, and the
    /// entry's n field/value items. Runs in the same MULTI/EXEC as the SETs of the body keys (with a short expiry, in
    /// case this script fails), so that no body passes through Lua. Reads every claim with one MGET (each command a
    /// script runs costs Redis about a microsecond and a half), then claims (all of a delivery's keys or none) and
    /// appends each delivery in turn, as one step each (a later delivery of the same event, or of the same body, finds
    /// the earlier one's claims), keeping the body of what it appended (PERSIST) and deleting the others. Claims follow
    /// <see cref="Claim"/>: the event's decides, a content key held for another event is a replay. Returns one
    /// <see cref="RedisClaimCode"/> per delivery: done (enqueued), duplicate, in flight (a pending claim too: the durable
    /// path writes none), full (nothing written), replay.
    /// Creates the stream and its consumer group on first use.
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
        local k, a = 3, 4
        while a <= #ARGV do
          local c = tonumber(ARGV[a + 3])
          for j = 1, c do claimKeys[#claimKeys + 1] = KEYS[k + j] end
          k = k + 1 + c
          a = a + 5 + tonumber(ARGV[a + 4])
        end
        local existing = {}
        if #claimKeys > 0 then
          local values = redis.call('MGET', unpack(claimKeys))
          for i = 1, #claimKeys do existing[claimKeys[i]] = values[i] end
        end
        local added = 0
        local results = {}
        k, a = 3, 4
        while a <= #ARGV do
          local owner, lease, size, c, n = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3]), tonumber(ARGV[a + 4])
          local body, first = KEYS[k], a + 5
          a = first + n
          local result = 0
          local event = nil
          if c > 0 then
            local v = existing[KEYS[k + 1]]
            if v then
              if string.sub(v, 1, 5) == 'done:' then result = 1 else result = 2 end
            elseif c > 1 then
              event = 'e:' .. redis.sha1hex(KEYS[k + 1])
              for j = 2, c do
                local held = existing[KEYS[k + j]]
                if held and held ~= event then result = 4 end
              end
            end
          end
          if result == 0 and (length >= maxEntries or bytes + size > maxBytes) then result = 3 end
          if result == 0 then
            if c > 0 then
              redis.call('SET', KEYS[k + 1], owner, 'PX', lease)
              existing[KEYS[k + 1]] = owner
            end
            for j = 2, c do
              if redis.call('PTTL', KEYS[k + j]) < tonumber(lease) then redis.call('SET', KEYS[k + j], event, 'PX', lease) end
              existing[KEYS[k + j]] = event
            end
            redis.call('XADD', KEYS[1], '*', unpack(ARGV, first, a - 1))
            redis.call('PERSIST', body)
            length = length + 1
            bytes = bytes + size
            added = added + 1
          else
            redis.call('DEL', body)
          end
          k = k + 1 + c
          results[#results + 1] = result
        end
        if added > 0 then redis.call('SET', KEYS[2], bytes) end
        return results
        """;

    /// <summary>
    /// KEYS: stream, bytes, then keys to delete (the entry's body, when known), then the entry's claims. ARGV: group,
    /// entry id, size, the number of keys to delete, owner. Acknowledges and deletes an entry that cannot be handled,
    /// its body, and the event's claim when its owner still holds it in flight (so that the provider's retry is accepted
    /// again rather than answered as a duplicate for the rest of the lease; content keys stay, as on every release);
    /// frees its bytes once. Returns 1 when the entry was still there.
    /// </summary>
    public const string RemoveEntry = """
        local deletes = tonumber(ARGV[4])
        if deletes > 0 then redis.call('DEL', unpack(KEYS, 3, 2 + deletes)) end
        local claim = KEYS[3 + deletes]
        if claim and redis.call('GET', claim) == ARGV[5] then redis.call('DEL', claim) end
        redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
        if redis.call('XDEL', KEYS[1], ARGV[2]) == 0 then return 0 end
        local left = redis.call('DECRBY', KEYS[2], ARGV[3])
        if left < 0 or redis.call('XLEN', KEYS[1]) == 0 then redis.call('SET', KEYS[2], 0) end
        return 1
        """;

    /// <summary>
    /// KEYS: stream, bytes, then per entry its body key and its c claim keys. ARGV: group, then per entry: owner,
    /// retention ms (0: do not complete), entry id, size, c. Completes the claims (docs/architecture.md, step 11; both keys of a
    /// delivery with a replay key) and acknowledges a batch of entries of one partition in one step, deleting their
    /// bodies. Multi-key and multi-id commands where they exist: each command a script runs costs Redis about a
    /// microsecond and a half. An entry still pending is still in the stream (entries are only ever acknowledged and
    /// deleted together), so when every id was pending one XDEL frees them all; otherwise each is deleted on its own to
    /// free only the bytes of those still there. Returns the number of entries.
    /// </summary>
    public const string CompleteAndAcknowledgeBatch = """
        local claims, owners, retentions, bodies, ids, sizes = {}, {}, {}, {}, {}, {}
        local k, a = 3, 2
        while a <= #ARGV do
          local owner, retention, c = ARGV[a], tonumber(ARGV[a + 1]), tonumber(ARGV[a + 4])
          bodies[#bodies + 1] = KEYS[k]
          ids[#ids + 1] = ARGV[a + 2]
          sizes[#sizes + 1] = tonumber(ARGV[a + 3])
          if retention > 0 then
            for j = 1, c do
              claims[#claims + 1] = KEYS[k + j]
              -- The event's claim is checked against its owner, a content key against its event (see Complete).
              if j == 1 then owners[#claims] = owner else owners[#claims] = 'e:' .. redis.sha1hex(KEYS[k + 1]) end
              retentions[#claims] = retention
            end
          end
          k = k + 1 + c
          a = a + 5
        end
        local count = #ids
        if #claims > 0 then
          local current = redis.call('MGET', unpack(claims))
          for i = 1, #claims do
            local v = current[i]
            if v == owners[i] or not v then
              if string.sub(owners[i], 1, 2) == 'e:' then
                redis.call('SET', claims[i], owners[i], 'PX', retentions[i])
              else
                redis.call('SET', claims[i], 'done:' .. owners[i], 'PX', retentions[i])
              end
            end
          end
        end
        redis.call('DEL', unpack(bodies))
        local freed = 0
        if redis.call('XACK', KEYS[1], ARGV[1], unpack(ids)) == count then
          redis.call('XDEL', KEYS[1], unpack(ids))
          for i = 1, count do freed = freed + sizes[i] end
        else
          for i = 1, count do
            if redis.call('XDEL', KEYS[1], ids[i]) == 1 then freed = freed + sizes[i] end
          end
        end
        if freed > 0 then
          local left = redis.call('DECRBY', KEYS[2], freed)
          if left < 0 or redis.call('XLEN', KEYS[1]) == 0 then redis.call('SET', KEYS[2], 0) end
        end
        return count
        """;
}
