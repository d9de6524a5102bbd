namespace WebhookKit.Redis.Internal;

/// <summary>
/// The scripts of the consumer group: taking over entries of consumers that stopped, recording the attempts made on an
/// entry, and removing consumers that are gone. An entry's delivery count is 1 + the attempts started on it.
/// </summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: stream. ARGV: group, consumer, attempts, entry id. Leaves an entry this consumer owns pending with its
    /// delivery count set to 1 + the attempts already made (XCLAIM RETRYCOUNT, which also resets its idle time; see
    /// <see cref="TakeOver"/>), so that the takeover after the visibility timeout finds no attempt left and dead-letters
    /// it without running a handler. Returns 1 when set, 0 when another consumer took it over meanwhile.
    /// </summary>
    public const string RecordAttempts = """
        local pending = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[4], ARGV[4], 1)
        if not pending[1] or pending[1][2] ~= ARGV[2] then return 0 end
        redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[4], 'RETRYCOUNT', tonumber(ARGV[3]) + 1, 'JUSTID')
        return 1
        """;

    /// <summary>
    /// KEYS: stream. ARGV: group, consumer, first and last entry id, then per entry (between them): entry id, delivery
    /// count. Records that the handlers of entries this consumer still owns started: raises each one's delivery count to
    /// the given one (1 + its previous attempts + 1; never lowers it, as <see cref="RecordAttempts"/> may have set more),
    /// resetting its idle time. One XPENDING of this consumer's entries in the range, one XCLAIM per count: not two
    /// commands per entry, since this runs for every delivery. Returns how many were raised.
    /// </summary>
    public const string RecordStarted = """
        local owned = {}
        for _, p in ipairs(redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[4], 1000000, ARGV[2])) do owned[p[1]] = p[4] end
        local byCount = {}
        for a = 5, #ARGV, 2 do
          local id, count = ARGV[a], tonumber(ARGV[a + 1])
          if owned[id] and owned[id] < count then
            byCount[count] = byCount[count] or {}
            table.insert(byCount[count], id)
          end
        end
        local raised = 0
        for count, ids in pairs(byCount) do
          local args = { KEYS[1], ARGV[1], ARGV[2], 0 }
          for _, id in ipairs(ids) do args[#args + 1] = id end
          args[#args + 1] = 'RETRYCOUNT'
          args[#args + 1] = count
          args[#args + 1] = 'JUSTID'
          redis.call('XCLAIM', unpack(args))
          raised = raised + #ids
        end
        return raised
        """;

    /// <summary>
    /// KEYS: stream. ARGV: group, consumer, min idle ms, cursor, count. Takes over entries idle for longer than the
    /// visibility timeout (XAUTOCLAIM JUSTID: a takeover is not an attempt, so it leaves the delivery count alone) and
    /// returns { next cursor, { id, fields, previous attempts }... }. An entry's delivery count is 1 + the attempts
    /// started on it: XREADGROUP sets 1, and a consumer raises it when a handler starts (<see cref="Renew"/>, before the
    /// handler runs) or records the attempts made (<see cref="RecordAttempts"/>), so an entry read ahead and never
    /// started by a consumer that died comes back with no attempt used.
    /// </summary>
    public const string TakeOver = """
        local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5], 'JUSTID')
        local out = { claimed[1] }
        for _, id in ipairs(claimed[2]) do
          local entry = redis.call('XRANGE', KEYS[1], id, id)[1]
          if entry then
            local pending = redis.call('XPENDING', KEYS[1], ARGV[1], id, id, 1)
            local count = 1
            if pending[1] then count = pending[1][4] end
            out[#out + 1] = { id, entry[2], math.max(0, count - 1) }
          end
        end
        return out
        """;

    /// <summary>
    /// KEYS: stream. ARGV: group, this consumer, min idle ms, max removals. Removes the group's consumers (other than this
    /// one) idle for longer than min idle that own no pending entry: checked and deleted in one step, so an entry claimed
    /// meanwhile is never left without an owner (XGROUP DELCONSUMER drops the entries a consumer owns). First renews this
    /// consumer's own idle time: Redis 7.0 counts only a read that returns entries, so a live instance on a quiet stream
    /// reads its own history past every id (nothing returned, no delivery count changed; it joins the group if it had
    /// not). Returns { name, idle ms }... of those removed.
    /// </summary>
    public const string RemoveIdleConsumers = """
        redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', 1, 'STREAMS', KEYS[1], '18446744073709551615-0')
        local removed = {}
        for _, consumer in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
          local info = {}
          for i = 1, #consumer, 2 do info[consumer[i]] = consumer[i + 1] end
          if info['name'] ~= ARGV[2] and info['pending'] == 0 and info['idle'] > tonumber(ARGV[3]) then
            redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
            removed[#removed + 1] = { info['name'], info['idle'] }
            if #removed >= tonumber(ARGV[4]) then break end
          end
        end
        return removed
        """;
}
