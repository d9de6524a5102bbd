using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace WebhookKit.LoadHost;

/// <summary>
/// Follows every collection through the runtime's own GC events: what it promoted (copied to an older generation), its
/// generation, kind and reason, and how long the runtime was suspended. The bytes a collection copies are what its pause
/// grows with, and unlike the pause they do not depend on how much CPU the shared host steals. run.sh reads the total
/// before and after each burst (<c>/stats</c>); <c>/gclog</c> lists the last collections one per line.
/// </summary>
internal sealed class GcPromotionListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int Kept = 512;

    private readonly ConcurrentQueue<string> _log = new();
    private long _promotedBytes;
    private DateTime _suspendedAt;
    private string _current = string.Empty;
    private long _currentPromoted;

    public long PromotedBytes => Interlocked.Read(ref _promotedBytes);

    /// <summary>The last collections, oldest first: generation, type (0 blocking, 1 background, 2 foreground), reason, pause, promoted.</summary>
    public string Log() => string.Join('\n', _log) + "\n";

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        var name = eventData.EventName ?? string.Empty;
        if (name.StartsWith("GCSuspendEEBegin", StringComparison.Ordinal))
        {
            _suspendedAt = eventData.TimeStamp;
        }
        else if (name.StartsWith("GCStart", StringComparison.Ordinal))
        {
            _current = string.Create(CultureInfo.InvariantCulture, $"gen={Value(eventData, "Depth")} type={Value(eventData, "Type")} reason={Value(eventData, "Reason")}");
        }
        else if (name.StartsWith("GCHeapStats", StringComparison.Ordinal))
        {
            // TotalPromotedSize0 left gen0 for gen1, TotalPromotedSize1 gen1 for gen2.
            _currentPromoted = Convert.ToInt64(Value(eventData, "TotalPromotedSize0"), CultureInfo.InvariantCulture)
                + Convert.ToInt64(Value(eventData, "TotalPromotedSize1"), CultureInfo.InvariantCulture);
            Interlocked.Add(ref _promotedBytes, _currentPromoted);
        }
        else if (name.StartsWith("GCRestartEEEnd", StringComparison.Ordinal))
        {
            var pause = (eventData.TimeStamp - _suspendedAt).TotalMilliseconds;
            _log.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{eventData.TimeStamp:HH:mm:ss.fff} {_current} pause_ms={pause:F1} promoted_kb={_currentPromoted / 1024}"));
            _currentPromoted = 0;
            while (_log.Count > Kept)
            {
                _log.TryDequeue(out _);
            }
        }
    }

    private static object? Value(EventWrittenEventArgs eventData, string payloadName)
    {
        var index = eventData.PayloadNames?.IndexOf(payloadName) ?? -1;
        return index >= 0 ? eventData.Payload![index] : 0;
    }
}
