using System.Diagnostics;
using WebhookKit.Internal;

namespace WebhookKit.Dispatch;

/// <summary>Measures and traces each handler run: one span, one duration with its outcome.</summary>
internal sealed class HandlerRunObserver(WebhookMetrics metrics, TimeProvider timeProvider, int maxAttempts)
{
    public long GetTimestamp() => timeProvider.GetTimestamp();

    public void Succeeded(WebhookDelivery delivery, long startedAt)
    {
        metrics.HandlerRun(delivery, timeProvider.GetElapsedTime(startedAt), HandlerOutcome.Success);
    }

    public void Failed(WebhookDelivery delivery, int attempt, long startedAt, Activity? activity, Exception exception)
    {
        metrics.HandlerRun(delivery, timeProvider.GetElapsedTime(startedAt), attempt < maxAttempts ? HandlerOutcome.Retried : HandlerOutcome.DeadLettered);
        if (activity is not null)
        {
            // The type only: an exception message may quote the payload.
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", exception.GetType().FullName);
        }
    }
}
