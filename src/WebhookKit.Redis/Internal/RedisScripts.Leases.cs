namespace WebhookKit.Redis.Internal;

/// <summary>The scripts that keep what an instance reads alive: its stream entries in hand.</summary>
internal static partial class RedisScripts
{
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
}
