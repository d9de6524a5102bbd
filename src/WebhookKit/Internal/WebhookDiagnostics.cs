using System.Diagnostics;

namespace WebhookKit.Internal;

/// <summary>
/// Tracing through the <see cref="ActivitySource"/> named <c>WebhookKit</c>: one span for the receive path and
/// one per handler run, linked to the receive span through the trace context that travels with the delivery.
/// </summary>
internal static class WebhookDiagnostics
{
    public const string ActivitySourceName = "WebhookKit";
    public const string ReceiveActivityName = "webhookkit.receive";
    public const string HandleActivityName = "webhookkit.handle";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    public static Activity? StartReceive(string receiverName, string provider)
    {
        var activity = ActivitySource.StartActivity(ReceiveActivityName, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookMetrics.ReceiverTag, receiverName);
            activity.SetTag(WebhookMetrics.ProviderTag, provider);
        }

        return activity;
    }

    public static void Identified(Activity? activity, string eventType, string eventId)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookMetrics.EventTypeTag, eventType);
            activity.SetTag("webhookkit.event_id", eventId);
        }
    }

    public static void Outcome(Activity? activity, string outcome)
    {
        activity?.SetTag(WebhookMetrics.OutcomeTag, outcome);
    }

    /// <summary>The W3C trace context to store with a delivery: the receive span's, else the request's.</summary>
    public static string? CurrentTraceParent(Activity? receiveActivity)
    {
        var activity = receiveActivity ?? Activity.Current;
        return activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;
    }

    public static Activity? StartHandle(WebhookDelivery delivery, string handlerName, int attempt)
    {
        if (!ActivitySource.HasListeners())
        {
            return null;
        }

        // A link, not a parent: the handler runs after the request's trace has ended, possibly on another instance.
        ActivityLink[]? links = null;
        if (delivery.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var receiveContext))
        {
            links = [new ActivityLink(receiveContext)];
        }

        var activity = ActivitySource.StartActivity(HandleActivityName, ActivityKind.Consumer, parentContext: default, tags: null, links: links);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(WebhookMetrics.ReceiverTag, delivery.ReceiverName);
            activity.SetTag(WebhookMetrics.ProviderTag, delivery.Provider);
            activity.SetTag(WebhookMetrics.EventTypeTag, delivery.EventType);
            activity.SetTag("webhookkit.event_id", delivery.EventId);
            activity.SetTag("webhookkit.handler", handlerName);
            activity.SetTag("webhookkit.attempt", attempt);
        }

        return activity;
    }
}
