namespace WebhookKit.Redis.Internal;

/// <summary>The script of the shared delivery journal (<see cref="RedisWebhookJournal"/>).</summary>
internal static partial class RedisScripts
{
    /// <summary>
    /// KEYS: clock, entries, rejected (one hash tag). ARGV: now ms, oldest ms kept, entries cap, rejected cap, MaxAge ms,
    /// then per entry <c>1</c> (refused) or <c>0</c> and its record. Numbers the batch with one <c>HINCRBY</c> of the
    /// clock's <c>seq</c>, so sequences are unique and increase in the order Redis commits them, whichever instance
    /// wrote; each entry's stream id is <c>{ms}-{sequence}</c>, with ms never going back (the clock's <c>ms</c>), so
    /// ids increase in both streams and tell when an entry was written. Trims each stream it wrote to by count
    /// (<c>MAXLEN ~</c>) and by age (<c>MINID ~</c>) once the batch is in, and lets it expire when nothing was written
    /// for MaxAge: one trim per batch rather than per XADD (three arguments and a trim fewer per entry, about three
    /// entries per delivery); the script is atomic, so no reader sees the batch before its trim.
    /// Returns the first sequence of the batch.
    /// </summary>
    public const string AppendJournal = """
        local n = (#ARGV - 5) / 2
        local last = redis.call('HINCRBY', KEYS[1], 'seq', n)
        local ms = tonumber(redis.call('HGET', KEYS[1], 'ms') or '0')
        if tonumber(ARGV[1]) > ms then
          ms = tonumber(ARGV[1])
          redis.call('HSET', KEYS[1], 'ms', ARGV[1])
        end
        local first = last - n + 1
        local written = {}
        for i = 0, n - 1 do
          local stream = 2
          if ARGV[6 + 2 * i] == '1' then stream = 3 end
          redis.call('XADD', KEYS[stream], string.format('%d-%d', ms, first + i), 'e', ARGV[7 + 2 * i])
          written[stream] = true
        end
        for stream = 2, 3 do
          if written[stream] then
            redis.call('XTRIM', KEYS[stream], 'MAXLEN', '~', ARGV[stream + 1])
            redis.call('XTRIM', KEYS[stream], 'MINID', '~', ARGV[2])
            redis.call('PEXPIRE', KEYS[stream], ARGV[5])
          end
        end
        return first
        """;
}
