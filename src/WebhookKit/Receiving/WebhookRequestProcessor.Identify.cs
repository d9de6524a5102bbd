using Microsoft.AspNetCore.Http;
using WebhookKit.Internal;

namespace WebhookKit.Receiving;

/// <summary>
/// Stage 4 of the receive path (docs/architecture.md): the provider verifies the raw bytes and identifies the event;
/// a handshake, a refusal, an id or type out of bounds, or a type nobody handles ends here.
/// </summary>
internal sealed partial class WebhookRequestProcessor
{
    /// <summary>
    /// The provider's answer; verified or refused, the bytes no longer count as unverified. The request owns the body
    /// until it ends, so it stays valid across the await; a provider that answers synchronously (every one but PayPal)
    /// completes the <see cref="ValueTask{TResult}"/> at once, with nothing allocated.
    /// </summary>
    private static async ValueTask<WebhookProviderResult> VerifyAsync(HttpContext context, WebhookReceiver receiver, PooledBody body)
    {
        try
        {
            return await receiver.Provider.ReadAsync(new WebhookRequest(context.Request, body.Memory), context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            // From here the bytes count against the queue's limits, or nothing.
            body.Verified();
        }
    }

    /// <summary>The answer when the request ends here; <see langword="null"/> for a verified event that is handled, to claim and enqueue.</summary>
    private Task? Identify(HttpContext context, WebhookReceiver receiver, in WebhookProviderResult result, System.Diagnostics.Activity? activity)
    {
        var facts = new ReceiveFacts(receiver.Name, receiver.Provider.Name);
        switch (result.Status)
        {
            case WebhookProviderStatus.Respond:
                // A verified handshake (Slack's url_verification and the like): answered now, nothing claimed or queued.
                return Respond(context, ReceiveOutcome.Responded, facts with { ProviderAnswer = result.ResponseBody, ProviderAnswerContentType = result.ResponseContentType });
            case WebhookProviderStatus.Unauthorized:
                return Respond(context, ReceiveOutcome.Unauthorized, facts with { Detail = RefusalDetail(result), RejectionReason = result.RejectionReason });
            case WebhookProviderStatus.BadRequest:
                return Respond(context, ReceiveOutcome.BadRequest, facts with { Detail = RefusalDetail(result), RejectionReason = result.RejectionReason });
            case WebhookProviderStatus.Unavailable:
                return Respond(context, ReceiveOutcome.ProviderUnavailable, facts with { Detail = result.FailureReason, RejectionReason = result.RejectionReason });
        }

        var eventId = result.EventId!;
        var eventType = result.EventType!;
        if (!IsAcceptableIdentity(eventId) || !IsAcceptableIdentity(eventType))
        {
            // Neither value is logged: it may be the very thing that is too long or would forge a log line.
            return Respond(context, ReceiveOutcome.BadRequest, facts with
            {
                Detail = $"the event id or type is longer than {WebhookOptions.MaxEventIdBytes} bytes or contains control characters",
                RejectionReason = WebhookRejectionReason.EventIdentityInvalid,
            });
        }

        WebhookDiagnostics.Identified(activity, eventType, eventId);
        if (_payloads.GetHandled(receiver.Provider.Name, eventType).Length == 0)
        {
            return Respond(context, ReceiveOutcome.Unhandled, facts with { EventType = eventType, EventId = eventId });
        }

        return null;
    }

    /// <summary>
    /// The provider's fixed reason; for a stale timestamp also how far off it is and the tolerance, in whole seconds
    /// (the sender's own timestamp and our setting: nothing that helps guess a secret).
    /// </summary>
    private static string? RefusalDetail(in WebhookProviderResult result)
    {
        if (result.TimestampOffset is not { } offset || result.Tolerance is not { } tolerance)
        {
            return result.FailureReason;
        }

        var seconds = (long)offset.TotalSeconds;
        return string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"timestamp {Math.Abs(seconds)} s {(seconds >= 0 ? "in the past" : "in the future")}, beyond the tolerance of {(long)tolerance.TotalSeconds} s");
    }

    /// <summary>Whether an event id or type is short enough to be a key and free of control characters (<see cref="WebhookOptions.MaxEventIdBytes"/>).</summary>
    private static bool IsAcceptableIdentity(string value) =>
        value.Length <= WebhookOptions.MaxEventIdBytes
        && System.Text.Encoding.UTF8.GetByteCount(value) <= WebhookOptions.MaxEventIdBytes
        && !value.AsSpan().ContainsAnyInRange('\u0000', '\u001F')
        && !value.AsSpan().ContainsAnyInRange('\u007F', '\u009F');
}
