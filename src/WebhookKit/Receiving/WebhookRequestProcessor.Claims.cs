using Microsoft.AspNetCore.Http;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// Stage 5 of the receive path (docs/architecture.md): claim the delivery's keys and enqueue it, in turn or, with a
/// claiming queue, in one atomic step; 200 only once it is queued. Both ways end in a claim status and an enqueue
/// result, mapped to one outcome (<see cref="OutcomeOf"/>).
/// </summary>
internal sealed partial class WebhookRequestProcessor
{
    private async Task ClaimAndEnqueueAsync(HttpContext context, WebhookReceiver receiver, WebhookProviderResult result, PooledBody body, System.Diagnostics.Activity? activity)
    {
        var receiverName = receiver.Name;
        var provider = receiver.Provider;

        // An id nobody signs can be changed by whoever captured the delivery: the body's digest is claimed as well.
        // Types without a model of their own share one digest slot, so invented types buy no extra replays.
        var registeredType = _payloads.RegisteredEventType(provider.Name, result.EventType!);
        UInt128? replayDigest = !result.IsEventIdSigned && receiver.DeduplicateByBody
            ? WebhookDelivery.CreateReplayDigest(registeredType ?? "*", result.BodyMac.Span, body.Memory.Span)
            : null;

        // The registry's string when it is the same text: the request's would be kept by the delivery and the journal.
        var eventType = string.Equals(registeredType, result.EventType, StringComparison.Ordinal) ? registeredType! : result.EventType!;
        var deliveryId = _deliveryFactory.NewDeliveryId();
        var facts = new ReceiveFacts(receiverName, provider.Name) { EventType = eventType, EventId = result.EventId, DeliveryId = deliveryId };
        var traceParent = WebhookDiagnostics.CurrentTraceParent(activity);
        WebhookClaimAndEnqueueResult outcome;
        bool queueFailed;
        if (_claimingQueue is not null)
        {
            // The queue writes the body to its store before its call completes: the delivery borrows the buffer.
            var replayKey = replayDigest is { } digest ? WebhookDelivery.CreateReplayKey(receiverName, digest) : null;
            var delivery = _deliveryFactory.Create(deliveryId, receiverName, provider, receiver.RecentHeaderValues, result, eventType, body.Memory, null, context.Request.Headers, traceParent, replayKey: replayKey);
            (outcome, queueFailed) = await ClaimAndEnqueueAtomicallyAsync(_claimingQueue, delivery, body).ConfigureAwait(false);
        }
        else
        {
            (outcome, queueFailed, var storeFailure) = await ClaimThenEnqueueAsync(context, receiver, result, eventType, body, deliveryId, replayDigest, traceParent).ConfigureAwait(false);
            if (storeFailure is not null)
            {
                await Respond(context, ReceiveOutcome.IdempotencyStoreFailed, facts with { Exception = storeFailure }).ConfigureAwait(false);
                return;
            }
        }

        if (!outcome.IsEnqueued)
        {
            // What the log says of a refusal: the claim's or the queue's state. A queue whose call threw (its backend
            // unreachable, for example) is not "Closed", which would read like a shutdown.
            facts = facts with { Detail = queueFailed ? "unreachable (its call failed; the error is logged before this line)" : outcome.ToString(), QueueFill = (_queue.Count, _queue.Bytes) };
        }

        await Respond(context, OutcomeOf(outcome), facts).ConfigureAwait(false);
    }

    /// <summary>How a claim and an enqueue end, whichever way they were made.</summary>
    private static ReceiveOutcome OutcomeOf(WebhookClaimAndEnqueueResult outcome) => outcome.Claim switch
    {
        IdempotencyClaimStatus.Claimed when outcome.IsEnqueued => ReceiveOutcome.Accepted,
        IdempotencyClaimStatus.Claimed => ReceiveOutcome.QueueUnavailable,

        // The first copy may still fail to queue and release its claim: a 200 now would be the only answer the
        // provider gets for an event nobody queued. Its retry meets the first copy's outcome.
        IdempotencyClaimStatus.Pending => ReceiveOutcome.PendingDuplicate,
        IdempotencyClaimStatus.Replay => ReceiveOutcome.Replay,
        _ => ReceiveOutcome.Duplicate,
    };

    /// <summary>
    /// One atomic operation of a queue that claims and enqueues together (a durable queue): the delivery is either
    /// claimed and queued, or neither, so there is no claim to release on the 503 paths.
    /// </summary>
    /// <returns>How it ended, and whether the queue's call threw (the outcome is then unknown, answered as not queued).</returns>
    private async ValueTask<(WebhookClaimAndEnqueueResult Outcome, bool QueueFailed)> ClaimAndEnqueueAtomicallyAsync(IClaimingWebhookQueue queue, WebhookDelivery delivery, PooledBody body)
    {
        try
        {
            // Not cancelled by the client going away, like the claim of the two-step path.
            return (await queue.TryClaimAndEnqueueAsync(delivery, _options.LeaseDuration, CancellationToken.None).ConfigureAwait(false), false);
        }
        catch (Exception exception)
        {
            // The outcome is unknown: fail closed. If it did land, the provider's retry is answered as a duplicate. The
            // body's write may still be queued in the store's client, so its buffer is never reused under it.
            Log.QueueFailed(_logger, delivery.ReceiverName, exception);
            body.Abandon();
            return (WebhookClaimAndEnqueueResult.Closed, true);
        }
    }

    /// <summary>
    /// Claim in the idempotency store (pending), then enqueue with the claim held (<see cref="ClaimLeaseRenewer.EnqueueHeldAsync"/>),
    /// releasing the claim if the enqueue fails, for a queue that does not claim (the in-memory queue, or a custom one).
    /// </summary>
    /// <returns>How it ended, whether the queue's call threw, or the idempotency store's exception when the claim failed (nothing is held then).</returns>
    private async ValueTask<(WebhookClaimAndEnqueueResult Outcome, bool QueueFailed, Exception? StoreFailure)> ClaimThenEnqueueAsync(HttpContext context, WebhookReceiver receiver, WebhookProviderResult result, string eventType, PooledBody body, string deliveryId, UInt128? replayDigest, string? traceParent)
    {
        var receiverName = receiver.Name;

        // Claim before copying the body, so duplicates cost no allocation of their body.
        var keys = IdempotencyKeyList.Of(receiverName, result.EventId!, replayDigest);

        IdempotencyClaimStatus claim;
        try
        {
            // Not cancelled by the client going away: a claim that landed but was never followed by an enqueue would
            // make the provider's retry look like a duplicate, and the event would be lost.
            claim = await _idempotencyStore.TryClaimAsync(keys, deliveryId, _options.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (default, false, exception);
        }

        if (claim != IdempotencyClaimStatus.Claimed)
        {
            return (new WebhookClaimAndEnqueueResult(claim), false, null);
        }

        // From here the claim is ours: every path either queues the delivery or releases the claim.
        var (bytes, lent) = BodyForQueue(body);
        var delivery = _deliveryFactory.Create(deliveryId, receiverName, receiver.Provider, receiver.RecentHeaderValues, result, eventType, bytes, lent, context.Request.Headers, traceParent, keys);
        lent?.HandToQueue(); // Before the enqueue: a worker may finish the delivery and return the buffer before it returns.
        WebhookEnqueueResult enqueued;
        var queueFailed = false;
        try
        {
            // Queued, the claim is renewed until the delivery is finished, and duplicates are in flight (200).
            enqueued = await _leases.EnqueueHeldAsync(_queue, delivery).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Log.QueueFailed(_logger, receiverName, exception);
            enqueued = WebhookEnqueueResult.Closed;
            queueFailed = true;
        }

        if (enqueued != WebhookEnqueueResult.Enqueued)
        {
            // Nobody else has the delivery: the copy for the queue goes back to its pool now.
            lent?.TakeBack();
            lent?.Dispose();
            await ReleaseAsync(receiverName, keys, deliveryId).ConfigureAwait(false);
        }

        return (new WebhookClaimAndEnqueueResult(IdempotencyClaimStatus.Claimed, enqueued), queueFailed, null);
    }

    /// <summary>
    /// How a delivery waiting in the queue holds its body (docs/architecture.md, "The body's life"): in a reused buffer
    /// of <see cref="PinnedBodyPool"/> when the queue returns buffers at acknowledgement (the request's buffer goes back
    /// to the shared pool at once); otherwise a copy, on the pinned object heap behind a backlog, for a queue that may
    /// keep the delivery beyond acknowledgement or outside this process.
    /// </summary>
    /// <remarks>
    /// A body that waits outlives gen0 collections, each of which copies it again, and those promotions were the
    /// receive path's p99 in a burst: lent shared-pool buffers (most of them fresh arrays, the shared pool keeps few of a
    /// size) promoted 11–14 MB per burst of 5,000. A pinned buffer is never copied by a collection, and a reused one
    /// allocates nothing after the first burst; the copy into it costs less than one of those promotions.
    /// </remarks>
    private (ReadOnlyMemory<byte> Bytes, PooledBody? Lent) BodyForQueue(PooledBody body)
    {
        if (_queueReturnsPooledBuffers)
        {
            var copy = body.CopyTo(_pinnedBodies);
            return (copy.Memory, copy);
        }

        return (body.Copy(pinned: _queue.Count >= _backlogThreshold), null);
    }

    private async Task ReleaseAsync(string receiverName, IdempotencyKeyList keys, string deliveryId)
    {
        try
        {
            await _idempotencyStore.ReleaseAsync(keys, deliveryId, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The lease expires by itself; until then the provider's retries are answered as in flight.
            Log.ReleaseFailed(_logger, receiverName, exception);
        }
    }
}
