using Polly;
using Polly.Retry;
using StackExchange.Redis;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// Sends again what Redis Cluster refused, without running it, while the slot of its keys moves between masters (a
/// reshard). StackExchange.Redis follows <c>MOVED</c> and <c>ASK</c> for single commands by itself, but not:
/// <list type="bullet">
/// <item><c>TRYAGAIN</c>: a command or script of several keys (every script here has several, all of one partition) some of
/// which are already on the importing master, or do not exist yet (a new claim, a new body), while the slot moves;</item>
/// <item><c>EXECABORT</c>: a <c>MULTI</c>/<c>EXEC</c> (the claim-and-append) discarded because a queued command was
/// redirected (<c>ASK</c>, <c>MOVED</c>) or refused (<c>TRYAGAIN</c>);</item>
/// <item>a <c>MOVED</c> or <c>ASK</c> that still reaches the caller.</item>
/// </list>
/// Each says the command did nothing, so sending it again is safe. Retried with growing delays for about two seconds, well
/// within a provider's timeout: a slot of a few thousand keys moves in less. A slot that takes longer fails the command as
/// it did before: the receive path answers 503 with Retry-After and the background loops try again on their next round, so
/// what got a 200 is still never lost.
/// </summary>
internal sealed class RedisSlotMigrationRetry
{
    private readonly ResiliencePipeline _pipeline;

    public RedisSlotMigrationRetry(TimeProvider timeProvider)
    {
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RedisServerException>(IsSlotMoving),
                MaxRetryAttempts = 12,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(10),
                MaxDelay = TimeSpan.FromMilliseconds(250),
            })
            .Build();
    }

    /// <summary>Whether Redis refused a command, without running it, because the slot of its keys is moving.</summary>
    public static bool IsSlotMoving(RedisServerException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        return message.StartsWith("TRYAGAIN", StringComparison.Ordinal)
            || message.StartsWith("EXECABORT", StringComparison.Ordinal)
            || message.StartsWith("MOVED ", StringComparison.Ordinal)
            || message.StartsWith("ASK ", StringComparison.Ordinal);
    }

    /// <summary>Runs <paramref name="command"/>, again while the slot of its keys moves.</summary>
    /// <remarks>
    /// The first try goes straight to Redis: nearly every call succeeds at once, and the pipeline's context and
    /// callbacks cost a few hundred nanoseconds on every call of the hot paths. Only a call refused because its slot
    /// moves is handed to the pipeline, whose first attempt follows at once (the refusal did nothing).
    /// </remarks>
    public async ValueTask<TResult> ExecuteAsync<TState, TResult>(Func<TState, ValueTask<TResult>> command, TState state)
    {
        try
        {
            return await command(state).ConfigureAwait(false);
        }
        catch (RedisServerException exception) when (IsSlotMoving(exception))
        {
            // Retried below, outside the catch.
        }

        return await _pipeline.ExecuteAsync(static (context, _) => context.Command(context.State), (Command: command, State: state)).ConfigureAwait(false);
    }

    /// <summary>Runs a script, again while the slot of its keys moves.</summary>
    public ValueTask<RedisResult> EvaluateAsync(IDatabase database, string script, RedisKey[] keys, RedisValue[] values) =>
        ExecuteAsync(
            static call => new ValueTask<RedisResult>(call.Database.ScriptEvaluateAsync(call.Script, call.Keys, call.Values)),
            (Database: database, Script: script, Keys: keys, Values: values));

    /// <summary>Reads several string keys (of one slot) with one <c>MGET</c>, again while their slot moves.</summary>
    public ValueTask<RedisValue[]> StringGetAsync(IDatabase database, RedisKey[] keys) =>
        ExecuteAsync(static call => new ValueTask<RedisValue[]>(call.Database.StringGetAsync(call.Keys)), (Database: database, Keys: keys));
}
