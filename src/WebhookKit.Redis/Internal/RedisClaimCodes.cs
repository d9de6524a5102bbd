using WebhookKit.Dispatch;
using WebhookKit.Idempotency;

namespace WebhookKit.Redis.Internal;

/// <summary>Maps <see cref="RedisClaimCode"/> to the core's results: the only place the scripts' numbers are read.</summary>
internal static class RedisClaimCodes
{
    public static RedisClaimCode Of(StackExchange.Redis.RedisResult result) => (RedisClaimCode)(int)result;

    public static IdempotencyClaimStatus ToClaimStatus(RedisClaimCode code) => code switch
    {
        RedisClaimCode.Done => IdempotencyClaimStatus.Claimed,
        RedisClaimCode.Duplicate => IdempotencyClaimStatus.Duplicate,
        RedisClaimCode.Replay => IdempotencyClaimStatus.Replay,
        RedisClaimCode.Pending => IdempotencyClaimStatus.Pending,
        RedisClaimCode.InFlight => IdempotencyClaimStatus.InFlight,
        _ => throw new InvalidOperationException($"The claim script returned {code}, which a claim cannot."),
    };

    public static WebhookClaimAndEnqueueResult ToClaimAndEnqueueResult(RedisClaimCode code) => code switch
    {
        RedisClaimCode.Done => WebhookClaimAndEnqueueResult.Enqueued,
        RedisClaimCode.Duplicate => WebhookClaimAndEnqueueResult.Duplicate,
        RedisClaimCode.InFlight => WebhookClaimAndEnqueueResult.InFlight,
        RedisClaimCode.Replay => WebhookClaimAndEnqueueResult.Replay,
        RedisClaimCode.Closed => WebhookClaimAndEnqueueResult.Closed,
        RedisClaimCode.Full => WebhookClaimAndEnqueueResult.Full,
        _ => throw new InvalidOperationException($"The enqueue script returned {code}, which a claim and enqueue cannot."),
    };

    public static WebhookEnqueueResult ToEnqueueResult(RedisClaimCode code) => code switch
    {
        RedisClaimCode.Done => WebhookEnqueueResult.Enqueued,
        RedisClaimCode.Closed => WebhookEnqueueResult.Closed,
        RedisClaimCode.Full => WebhookEnqueueResult.Full,
        _ => throw new InvalidOperationException($"The enqueue script returned {code} for a delivery it did not claim."),
    };

    public static DeadLetterReplayResult ToReplayResult(RedisClaimCode code) => code switch
    {
        RedisClaimCode.Done => DeadLetterReplayResult.Replayed,
        RedisClaimCode.Duplicate or RedisClaimCode.InFlight or RedisClaimCode.Pending or RedisClaimCode.Replay => DeadLetterReplayResult.AlreadyAccepted,
        RedisClaimCode.Full => DeadLetterReplayResult.QueueUnavailable,
        RedisClaimCode.NotFound => DeadLetterReplayResult.NotFound,
        _ => throw new InvalidOperationException($"The replay script returned {code}, which a replay cannot."),
    };
}
