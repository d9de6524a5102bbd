using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using WebhookKit.Dispatch;

namespace WebhookKit.Internal;

/// <summary>
/// WebhookKit's instruments, on the meter <c>WebhookKit</c> created from <see cref="IMeterFactory"/>.
/// Every recording is guarded by <c>Enabled</c>, so an app without a listener pays one branch, and no measurement
/// carries a tag whose value is null: a tag without a value is left out.
/// </summary>
internal sealed class WebhookMetrics
{
    public const string MeterName = "WebhookKit";

    public const string ReceiverTag = "webhookkit.receiver";
    public const string ProviderTag = "webhookkit.provider";
    public const string OutcomeTag = "webhookkit.outcome";
    public const string EventTypeTag = "webhookkit.event_type";

    // Same boundaries ASP.NET Core uses for request durations: sub-millisecond to tens of seconds.
    private static readonly double[] DurationBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60];

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _handlerDuration;
    private readonly Histogram<double> _queueWait;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _deadLetters;

    private readonly WebhookPayloadRegistry _payloads;

    public WebhookMetrics(IMeterFactory meterFactory, IWebhookQueue queue, WebhookPayloadRegistry payloads, Receiving.UnverifiedBodyBudget unverified)
    {
        _payloads = payloads;
        var meter = meterFactory.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("webhookkit.deliveries", "{delivery}", "Webhook deliveries received, by outcome.");
        _handlerDuration = meter.CreateHistogram(
            "webhookkit.handler.duration",
            "s",
            "Duration of one handler run; outcome is success, retried or dead_lettered.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _queueWait = meter.CreateHistogram(
            "webhookkit.queue.wait",
            "s",
            "Time from acceptance of a delivery to the start of its first handler run.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _retries = meter.CreateCounter<long>("webhookkit.handler.retries", "{retry}", "Handler attempts after a failed one.");
        _deadLetters = meter.CreateCounter<long>("webhookkit.dead_letters", "{delivery}", "Deliveries dead-lettered after their last attempt.");
        meter.CreateObservableGauge("webhookkit.queue.depth", () => queue.Count, "{delivery}", "Accepted deliveries queued or being handled.");
        meter.CreateObservableGauge("webhookkit.queue.bytes", () => queue.Bytes, "By", "Bytes held by accepted deliveries queued or being handled.");
        meter.CreateObservableGauge("webhookkit.receive.unverified_bytes", () => unverified.Held, "By", "Request buffer bytes held by bodies still arriving or being verified.");
    }

    public void Delivery(string receiver, string? provider, string outcome, string? eventType)
    {
        if (!_deliveries.Enabled)
        {
            return;
        }

        // A tag without a value is left out, never recorded as null, which each listener and exporter would read its
        // own way. Unknown receivers have no provider; requests refused before they are verified have no event type
        // (docs/architecture.md, "Bounded cost of unverified requests").
        var tags = new TagList { { ReceiverTag, receiver } };
        if (provider is not null)
        {
            tags.Add(ProviderTag, provider);
        }

        tags.Add(OutcomeTag, outcome);
        if (eventType is not null && provider is not null)
        {
            tags.Add(EventTypeTag, EventTypeTagOf(provider, eventType));
        }

        _deliveries.Add(1, in tags);
    }

    public void HandlerRun(WebhookDelivery delivery, TimeSpan duration, string outcome)
    {
        if (_handlerDuration.Enabled)
        {
            _handlerDuration.Record(
                duration.TotalSeconds,
                new KeyValuePair<string, object?>(ReceiverTag, delivery.ReceiverName),
                new KeyValuePair<string, object?>(EventTypeTag, EventTypeTagOf(delivery)),
                new KeyValuePair<string, object?>(OutcomeTag, outcome));
        }
    }

    public void QueueWait(WebhookDelivery delivery, TimeSpan wait)
    {
        if (_queueWait.Enabled)
        {
            _queueWait.Record(
                Math.Max(0, wait.TotalSeconds),
                new KeyValuePair<string, object?>(ReceiverTag, delivery.ReceiverName),
                new KeyValuePair<string, object?>(EventTypeTag, EventTypeTagOf(delivery)));
        }
    }

    public void Retry(WebhookDelivery delivery)
    {
        if (_retries.Enabled)
        {
            _retries.Add(
                1,
                new KeyValuePair<string, object?>(ReceiverTag, delivery.ReceiverName),
                new KeyValuePair<string, object?>(EventTypeTag, EventTypeTagOf(delivery)));
        }
    }

    public void DeadLettered(WebhookDelivery delivery)
    {
        if (_deadLetters.Enabled)
        {
            _deadLetters.Add(
                1,
                new KeyValuePair<string, object?>(ReceiverTag, delivery.ReceiverName),
                new KeyValuePair<string, object?>(EventTypeTag, EventTypeTagOf(delivery)));
        }
    }

    /// <summary>
    /// The event type as a tag: its registered spelling when a payload model is bound to it, else <c>other</c>. The type
    /// may come from a header nobody signs (GitHub's <c>X-GitHub-Event</c>), so the tag's values stay bounded by the code.
    /// </summary>
    private string EventTypeTagOf(string provider, string eventType) =>
        _payloads.RegisteredEventType(provider, eventType) ?? WebhookPayloadRegistry.OtherEventType;

    private string EventTypeTagOf(WebhookDelivery delivery) => EventTypeTagOf(delivery.Provider, delivery.EventType);
}
