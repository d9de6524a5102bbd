using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WebhookKit.Dispatch;
using WebhookKit.Idempotency;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// Steps 6 and 7 of the receive path (docs/architecture.md): claim the delivery's keys and enqueue it, in turn or, with
/// a claiming queue, in one atomic step; answer 200 only once it is queued.
/// </summary>
internal sealed partial class WebhookRequestProcessor
{
    /// <summary>
    /// Steps 6–7 in turn, for a queue that does not claim (the in-memory queue, or a custom one): claim in the
    /// idempotency store (pending), then enqueue with the claim held (<see cref="ClaimLeaseRenewer.EnqueueHeldAsync"/>),
    /// releasing the claim if the enqueue fails. A duplicate that finds the claim pending gets 503. Owns the pooled buffer: returns it on
    /// every path but one, a delivery queued with it (<see cref="DeliveryBodyStorage.PooledBuffer"/>), which the
    /// in-memory queue returns at acknowledgement.
    /// </summary>
    private async Task ClaimThenEnqueueAsync(HttpContext context, string receiverName, IWebhookProvider provider, WebhookProviderResult result, byte[] buffer, int length, string deliveryId, string? replayKey, System.Diagnostics.Activity? activity)
    {
        var eventId = result.EventId!;
        var eventType = result.EventType!;
        var bufferTaken = false;
        try
        {
            // Claim before copying the body, so duplicates cost no allocation of their body.
            var idempotencyKey = WebhookDelivery.CreateIdempotencyKey(receiverName, eventId);
            string[] keys = replayKey is null ? [idempotencyKey] : [idempotencyKey, replayKey];
            IdempotencyClaimStatus claim;
            try
            {
                // Not cancelled by the client going away: a claim that landed but was never followed by an enqueue
                // would make the provider's retry look like a duplicate, and the event would be lost.
                claim = await _idempotencyStore.TryClaimAsync(keys, deliveryId, _options.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.IdempotencyStoreFailed(_logger, receiverName, exception);
                Count(receiverName, provider.Name, DeliveryOutcome.Unavailable, eventType);
                await WebhookResponses.Unavailable(context, _options.RetryAfter).ConfigureAwait(false);
                return;
            }

            if (claim == IdempotencyClaimStatus.Pending)
            {
                // The first copy may still fail to queue and release its claim: a 200 now would be the only answer the
                // provider gets for an event nobody queued. Its retry meets the first copy's outcome.
                Log.PendingDuplicate(_logger, receiverName, eventType, eventId);
                Count(receiverName, provider.Name, DeliveryOutcome.Unavailable, eventType);
                await WebhookResponses.Unavailable(context, _options.RetryAfter).ConfigureAwait(false);
                return;
            }

            if (claim != IdempotencyClaimStatus.Claimed)
            {
                Log.Duplicate(_logger, receiverName, eventType, eventId, claim.ToString());
                Count(receiverName, provider.Name, claim == IdempotencyClaimStatus.Replay ? DeliveryOutcome.Replay : DeliveryOutcome.Duplicate, eventType);
                await WebhookResponses.Ok(context).ConfigureAwait(false);
                return;
            }

            // From here the claim is ours: every path either queues the delivery or releases the claim.
            var storage = _queue.Count >= _backlogThreshold ? DeliveryBodyStorage.PinnedCopy
                : _queueReturnsPooledBuffers ? DeliveryBodyStorage.PooledBuffer
                : DeliveryBodyStorage.Copy;
            var delivery = _deliveryFactory.Create(deliveryId, receiverName, provider, result, buffer, length, context.Request.Headers, WebhookDiagnostics.CurrentTraceParent(activity), idempotencyKey, storage, replayKey);
            WebhookEnqueueResult enqueued;
            try
            {
                // Queued, the claim is renewed until the delivery is finished, and duplicates are in flight (200).
                enqueued = await _leases.EnqueueHeldAsync(_queue, delivery).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                Log.QueueFailed(_logger, receiverName, exception);
                enqueued = WebhookEnqueueResult.Closed;
            }

            // Decided by what was asked, not by the delivery: a worker may already have handled it and returned the buffer.
            bufferTaken = enqueued == WebhookEnqueueResult.Enqueued && storage == DeliveryBodyStorage.PooledBuffer;
            if (enqueued != WebhookEnqueueResult.Enqueued)
            {
                await ReleaseAsync(receiverName, keys, deliveryId).ConfigureAwait(false);
                Log.QueueUnavailable(_logger, receiverName, eventType, eventId, enqueued.ToString(), _queue.Count, _queue.Bytes);
                Count(receiverName, provider.Name, DeliveryOutcome.Unavailable, eventType);
                await WebhookResponses.Unavailable(context, _options.RetryAfter).ConfigureAwait(false);
                return;
            }

            Log.Accepted(_logger, receiverName, eventType, eventId, delivery.DeliveryId);
            Count(receiverName, provider.Name, DeliveryOutcome.Accepted, eventType);
            await WebhookResponses.Ok(context).ConfigureAwait(false);
        }
        finally
        {
            if (!bufferTaken)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    /// <summary>
    /// Steps 6–7 as one atomic operation of a queue that claims and enqueues together (a durable queue): the
    /// delivery is either claimed and queued, or neither, so there is no claim to release on the 503 paths.
    /// </summary>
    /// <returns>Whether the queue answered; <see langword="false"/> when it threw and the outcome is unknown.</returns>
    private async Task<bool> ClaimAndEnqueueAsync(HttpContext context, IClaimingWebhookQueue queue, WebhookDelivery delivery, string provider)
    {
        var receiverName = delivery.ReceiverName;
        var eventType = delivery.EventType;
        var eventId = delivery.EventId;
        WebhookClaimAndEnqueueResult outcome;
        var outcomeKnown = true;
        try
        {
            // Not cancelled by the client going away, like the claim of the two-step path.
            outcome = await queue.TryClaimAndEnqueueAsync(delivery, _options.LeaseDuration, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The outcome is unknown: fail closed. If it did land, the provider's retry is answered as a duplicate.
            Log.QueueFailed(_logger, receiverName, exception);
            outcome = WebhookClaimAndEnqueueResult.Closed;
            outcomeKnown = false;
        }

        switch (outcome)
        {
            case WebhookClaimAndEnqueueResult.Enqueued:
                Log.Accepted(_logger, receiverName, eventType, eventId, delivery.DeliveryId);
                Count(receiverName, provider, DeliveryOutcome.Accepted, eventType);
                await WebhookResponses.Ok(context).ConfigureAwait(false);
                break;
            case WebhookClaimAndEnqueueResult.Duplicate or WebhookClaimAndEnqueueResult.InFlight or WebhookClaimAndEnqueueResult.Replay:
                // Logged by its own name: the outcome of one atomic step, not converted back into a claim status.
                Log.Duplicate(_logger, receiverName, eventType, eventId, outcome.ToString());
                Count(receiverName, provider, outcome == WebhookClaimAndEnqueueResult.Replay ? DeliveryOutcome.Replay : DeliveryOutcome.Duplicate, eventType);
                await WebhookResponses.Ok(context).ConfigureAwait(false);
                break;
            default:
                Log.QueueUnavailable(_logger, receiverName, eventType, eventId, outcome.ToString(), _queue.Count, _queue.Bytes);
                Count(receiverName, provider, DeliveryOutcome.Unavailable, eventType);
                await WebhookResponses.Unavailable(context, _options.RetryAfter).ConfigureAwait(false);
                break;
        }

        return outcomeKnown;
    }

    private async Task ReleaseAsync(string receiverName, string[] keys, string deliveryId)
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
