namespace WebhookKit.Redis.Internal;

/// <summary>
/// The one table of results the claiming scripts return (<see cref="RedisScripts.Claim"/>,
/// <see cref="RedisScripts.ClaimAndEnqueueBatch"/>, <see cref="RedisScripts.Replay"/>): each script returns these numbers
/// and nothing else, and <see cref="RedisClaimCodes"/> maps them to the core's results, in one place.
/// </summary>
internal enum RedisClaimCode
{
    /// <summary>Refused before Redis: the appender was disposed.</summary>
    Closed = -1,

    /// <summary>Claimed (and, for the enqueueing scripts, appended).</summary>
    Done = 0,

    /// <summary>The event's claim is done: handled within its retention.</summary>
    Duplicate = 1,

    /// <summary>The event's claim is held, queued.</summary>
    InFlight = 2,

    /// <summary>The stream is at its entry or byte bound; nothing was written.</summary>
    Full = 3,

    /// <summary>The event's claim is free, but a content key is held for another event.</summary>
    Replay = 4,

    /// <summary>The event's claim is held, not yet known to be queued (<c>p:</c> + owner).</summary>
    Pending = 5,

    /// <summary>The dead letter to replay is not there.</summary>
    NotFound = 6,
}
