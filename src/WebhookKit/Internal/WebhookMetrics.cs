using System.Diagnostics.Metrics;

namespace WebhookKit.Internal;

/// <summary>WebhookKit's instruments, on the meter <c>WebhookKit</c> created from <see cref="IMeterFactory"/>.</summary>
internal sealed class WebhookMetrics
{
    public const string MeterName = "WebhookKit";

    private readonly Counter<long> _deliveries;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("webhookkit.deliveries", "{delivery}", "Webhook deliveries received, by outcome.");
    }

    public void Delivery(string receiver, string? provider, string outcome, string? eventType)
    {
        if (!_deliveries.Enabled)
        {
            return;
        }

        _deliveries.Add(
            1,
            new KeyValuePair<string, object?>("webhookkit.receiver", receiver),
            new KeyValuePair<string, object?>("webhookkit.provider", provider),
            new KeyValuePair<string, object?>("webhookkit.outcome", outcome),
            new KeyValuePair<string, object?>("webhookkit.event_type", eventType));
    }
}
