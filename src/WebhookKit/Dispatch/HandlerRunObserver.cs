using System.Diagnostics;
using WebhookKit.Internal;

namespace WebhookKit.Dispatch;

/// <summary>Measures, traces and journals each handler run: one span, one duration with its outcome, one journal entry.</summary>
internal sealed class HandlerRunObserver(WebhookMetrics metrics, WebhookKit.Journal.WebhookJournalRecorder journal, TimeProvider timeProvider, int maxAttempts)
{
    public long GetTimestamp() => timeProvider.GetTimestamp();

    public void Succeeded(WebhookDelivery delivery, string handler, int attempt, long startedAt)
    {
        var duration = timeProvider.GetElapsedTime(startedAt);
        metrics.HandlerRun(delivery, duration, HandlerOutcome.Success);
        journal.Attempt(delivery, attempt, handler, duration, exception: null);
    }

    public void Failed(WebhookDelivery delivery, string handler, int attempt, long startedAt, Activity? activity, Exception exception)
    {
        var duration = timeProvider.GetElapsedTime(startedAt);
        metrics.HandlerRun(delivery, duration, attempt < maxAttempts ? HandlerOutcome.Retried : HandlerOutcome.DeadLettered);
        journal.Attempt(delivery, attempt, handler, duration, exception);
        if (activity is not null)
        {
            // The type only: an exception message may quote the payload.
            activity.SetStatus(ActivityStatusCode.Error);
            activity.SetTag("error.type", exception.GetType().FullName);
        }
    }
}
