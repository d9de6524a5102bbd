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
    /// group, consumer, lease ms, then per entry: entry id, owner, c. Renews (resets the idle time of) the entries this
    /// consumer still owns, without counting a delivery, and with each the claims its delivery still holds: the event's
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
          local id, owner, c = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2])
          local pending = redis.call('XPENDING', KEYS[1], ARGV[1], id, id, 1)
          if pending[1] and pending[1][2] == ARGV[2] then
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, id, 'JUSTID')
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
          a = a + 3
        end
        return renewed
        """;
}
