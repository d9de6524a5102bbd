namespace WebhookKit.Redis.Internal;

/// <summary>
/// The scripts that keep what an instance reads alive: its stream entries and their claims. In durable mode a claim's
/// lease (<see cref="WebhookOptions.LeaseDuration"/>) is renewed with its entry, so that it expires only once no
/// instance holds the entry any more (docs/architecture.md, Idempotency). The event's claim counts as its delivery's
/// when it holds the owner or <c>p:</c> + owner (a claim taken and not yet renewed); renewing writes the plain owner.
/// Content keys are renewed only up to the lease: one may hold a longer retention, which is never shortened.
/// </summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: stream, then per entry its c claim keys (its event id's first; none for an entry without claims). ARGV:
    /// group, consumer, lease ms, then per entry: entry id, owner, c, started (0, or the delivery count that records its
    /// handler as started: see <see cref="TakeOver"/>). Renews (resets the idle time of) the entries this consumer still
    /// owns, raising the delivery count of a started one to its value (never lowering it: <see cref="RecordAttempts"/>
    /// may have set more), and with each the claims its delivery still holds: the event's
    /// is set to the owner for the lease, the content keys held for the event are extended to it. Entries another
    /// consumer took over are left alone, and so are claims that are absent, another delivery's or done: an absent claim
    /// is never re-taken here, since the dispatcher releases it (a dead letter) before the entry's acknowledgement
    /// reaches Redis, and re-taking it would answer the provider's retry as in flight for a whole lease.
    /// Returns how many entries were renewed.
    /// </summary>
    public const string Renew = """
        local lease = tonumber(ARGV[3])
        local renewed = 0
        local k, a = 2, 4
        while a <= #ARGV do
          local id, owner, c, started = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2]), tonumber(ARGV[a + 3])
          local pending = redis.call('XPENDING', KEYS[1], ARGV[1], id, id, 1)
          if pending[1] and pending[1][2] == ARGV[2] then
            if started > pending[1][4] then
              redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, id, 'RETRYCOUNT', started, 'JUSTID')
            else
              redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, id, 'JUSTID')
            end
            renewed = renewed + 1
            if c > 0 then
              local held = redis.call('GET', KEYS[k])
              if held == owner or held == 'p:' .. owner then
                redis.call('SET', KEYS[k], owner, 'PX', lease)
                local event = 'e:' .. redis.sha1hex(KEYS[k])
                for j = k + 1, k + c - 1 do
                  if redis.call('GET', KEYS[j]) == event and redis.call('PTTL', KEYS[j]) < lease then redis.call('PEXPIRE', KEYS[j], lease) end
                end
              end
            end
          end
          k = k + c
          a = a + 4
        end
        return renewed
        """;

    /// <summary>
    /// KEYS: a key of the partition (so that a cluster runs it on the shard whose clock wrote the partition's stream
    /// ids and runs its claims' expiry). Returns Redis's time in ms. Sent right after a read, in the same round trip,
    /// so that the age of each entry read (its id is the ms it was appended at) is known on the clock that times its claims.
    /// </summary>
    public const string Clock = """
        local t = redis.call('TIME')
        return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        """;

    /// <summary>
    /// KEYS: per entry read its c claim keys (its event id's first). ARGV: lease ms, then per entry: owner, c. Renews the
    /// claims of entries just read (new, or taken over), which may have waited unread for longer than the lease (a
    /// backlog): the event's claim, when it holds the owner (or <c>p:</c> + owner) or is absent (expired meanwhile, and
    /// claimed by nobody since), is set to the owner for the lease, and the content keys are set to the event's value
    /// when absent or extended when shorter, as <see cref="Claim"/> takes them. An entry whose event's claim is another
    /// delivery's or done, or one of whose content keys is held for another event, is superseded: a redelivery was
    /// accepted after its claim expired, or the event was handled, meanwhile; its claims are left alone. Entries are
    /// taken in turn, each seeing what the earlier ones claimed (two entries of one event: the first one wins).
    /// Returns one result per entry: 0 held, 1 superseded.
    /// </summary>
    public const string RenewOnRead = """
        local lease = tonumber(ARGV[1])
        local values = redis.call('MGET', unpack(KEYS))
        local held = {}
        for i = 1, #KEYS do held[KEYS[i]] = values[i] end
        local results = {}
        local k, a = 1, 2
        while a <= #ARGV do
          local owner, c = ARGV[a], tonumber(ARGV[a + 1])
          local first = held[KEYS[k]]
          local event = c > 1 and 'e:' .. redis.sha1hex(KEYS[k])
          local superseded = first and first ~= owner and first ~= 'p:' .. owner
          for j = k + 1, k + c - 1 do
            if held[KEYS[j]] and held[KEYS[j]] ~= event then superseded = true end
          end
          if superseded then
            results[#results + 1] = 1
          else
            redis.call('SET', KEYS[k], owner, 'PX', lease)
            held[KEYS[k]] = owner
            for j = k + 1, k + c - 1 do
              if redis.call('PTTL', KEYS[j]) < lease then redis.call('SET', KEYS[j], event, 'PX', lease) end
              held[KEYS[j]] = event
            end
            results[#results + 1] = 0
          end
          k = k + c
          a = a + 2
        end
        return results
        """;
}
