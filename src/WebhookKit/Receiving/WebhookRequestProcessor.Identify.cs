using System.Buffers;
using Microsoft.AspNetCore.Http;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// Step 5 of the receive path (docs/architecture.md): act on the provider's answer (a handshake, a refusal, or a
/// verified event), bound the event's id and type, and hand a handled event on to be claimed and queued.
/// </summary>
internal sealed partial class WebhookRequestProcessor
{
    private async Task AcceptAsync(HttpContext context, WebhookReceiver receiver, WebhookProviderResult result, byte[] buffer, int length, System.Diagnostics.Activity? activity)
    {
        var receiverName = receiver.Name;
        var provider = receiver.Provider;

        // The buffer is returned here unless it was handed on: to ClaimThenEnqueueAsync, or to the garbage collector
        // when a claiming queue's outcome is unknown.
        var handedOn = false;
        try
        {
            switch (result.Status)
            {
                case WebhookProviderStatus.Respond:
                    // A verified handshake (Slack's url_verification and the like): answered now, nothing claimed or queued.
                    Log.Responded(_logger, receiverName);
                    Count(receiverName, provider.Name, DeliveryOutcome.Responded, null);
                    await WebhookResponses.Respond(context, result.ResponseBody, result.ResponseContentType).ConfigureAwait(false);
                    return;
                case WebhookProviderStatus.Unauthorized:
                    Log.Unauthorized(_logger, receiverName, result.FailureReason ?? "signature not verified");
                    Count(receiverName, provider.Name, DeliveryOutcome.Unauthorized, null);
                    await WebhookResponses.Unauthorized(context).ConfigureAwait(false);
                    return;
                case WebhookProviderStatus.BadRequest:
                    Log.BadRequest(_logger, receiverName, result.FailureReason ?? "event id or type missing");
                    Count(receiverName, provider.Name, DeliveryOutcome.BadRequest, null);
                    await WebhookResponses.BadRequest(context).ConfigureAwait(false);
                    return;
            }

            var eventId = result.EventId!;
            var eventType = result.EventType!;
            if (!IsAcceptableIdentity(eventId) || !IsAcceptableIdentity(eventType))
            {
                // Neither value is logged: it may be the very thing that is too long or would forge a log line.
                Log.BadRequest(_logger, receiverName, $"the event id or type is longer than {WebhookOptions.MaxEventIdBytes} bytes or contains control characters");
                Count(receiverName, provider.Name, DeliveryOutcome.BadRequest, null);
                await WebhookResponses.BadRequest(context).ConfigureAwait(false);
                return;
            }

            WebhookDiagnostics.Identified(activity, eventType, eventId);
            if (_payloads.GetHandled(provider.Name, eventType).Length == 0)
            {
                Log.Unhandled(_logger, receiverName, eventType, eventId);
                Count(receiverName, provider.Name, DeliveryOutcome.Unhandled, eventType);
                await WebhookResponses.Ok(context).ConfigureAwait(false);
                return;
            }

            // An id nobody signs can be changed by whoever captured the delivery: the body's digest is claimed as well.
            // Types without a model of their own share one digest slot, so invented types buy no extra replays.
            var replayKey = !result.IsEventIdSigned && receiver.DeduplicateByBody
                ? WebhookDelivery.CreateReplayKey(receiverName, _payloads.RegisteredEventType(provider.Name, eventType) ?? "*", result.BodyMac.Span, buffer.AsSpan(0, length))
                : null;
            var deliveryId = _deliveryFactory.NewDeliveryId();
            if (_claimingQueue is not null)
            {
                var accepted = _deliveryFactory.Create(deliveryId, receiverName, provider, result, buffer, length, context.Request.Headers, WebhookDiagnostics.CurrentTraceParent(activity), storage: DeliveryBodyStorage.BorrowedBuffer, replayKey: replayKey);
                var outcomeKnown = await ClaimAndEnqueueAsync(context, _claimingQueue, accepted, provider.Name).ConfigureAwait(false);

                // An unknown outcome may leave the body's write still queued in the store's client: the buffer is
                // then left to the garbage collector instead of being reused under it.
                handedOn = !outcomeKnown;
                return;
            }

            handedOn = true; // ClaimThenEnqueueAsync owns it from here.
            await ClaimThenEnqueueAsync(context, receiverName, provider, result, buffer, length, deliveryId, replayKey, activity).ConfigureAwait(false);
        }
        finally
        {
            if (!handedOn)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
