using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace WebhookKit.IntegrationTests.Infrastructure;

/// <summary>
/// Sums <c>webhookkit.deliveries</c> by outcome for one host (its <see cref="IMeterFactory"/>), keeping no measurement:
/// for load tests, where a <c>MetricCollector</c> would hold every one in memory.
/// </summary>
public sealed class DeliveryOutcomeCounter : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    public DeliveryOutcomeCounter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "WebhookKit" && ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Name == "webhookkit.deliveries")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "webhookkit.outcome" && tag.Value is string outcome)
                {
                    _counts.AddOrUpdate(outcome, value, (_, sum) => sum + value);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>Gets how many deliveries ended with <paramref name="outcome"/> (for example <c>accepted</c>).</summary>
    public long this[string outcome] => _counts.GetValueOrDefault(outcome);

    public void Dispose() => _listener.Dispose();
}
