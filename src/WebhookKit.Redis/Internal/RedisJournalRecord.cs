using System.Text.Json;
using System.Text.Json.Serialization;
using WebhookKit.Journal;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// A journal entry as stored in Redis: JSON with one- or two-letter names, defaults left out (a typical entry is
/// 150–250 bytes). The sequence is not stored: it is the stream id's (<see cref="RedisScripts.AppendJournal"/>). Every
/// string is cut to the journal's bounds again here, since an app or the dashboard may append entries directly.
/// </summary>
internal sealed class RedisJournalRecord
{
    private const int MaxHeaders = 32;

    [JsonPropertyName("k")]
    public int Kind { get; set; }

    /// <summary>Gets or sets the time in UTC ticks: exact, unlike Unix milliseconds.</summary>
    [JsonPropertyName("t")]
    public long Ticks { get; set; }

    [JsonPropertyName("r")]
    public string Receiver { get; set; } = "";

    [JsonPropertyName("p")]
    public string? Provider { get; set; }

    [JsonPropertyName("et")]
    public string? EventType { get; set; }

    [JsonPropertyName("ei")]
    public string? EventId { get; set; }

    [JsonPropertyName("d")]
    public string? DeliveryId { get; set; }

    [JsonPropertyName("b")]
    public long BodyBytes { get; set; }

    [JsonPropertyName("s")]
    public int Status { get; set; }

    [JsonPropertyName("o")]
    public string Outcome { get; set; } = "";

    [JsonPropertyName("ik")]
    public List<string>? IdempotencyKeys { get; set; }

    [JsonPropertyName("rof")]
    public string? ReplayOf { get; set; }

    [JsonPropertyName("rc")]
    public string? ReasonCode { get; set; }

    [JsonPropertyName("re")]
    public string? Reason { get; set; }

    [JsonPropertyName("a")]
    public int Attempt { get; set; }

    [JsonPropertyName("h")]
    public string? Handler { get; set; }

    /// <summary>Gets or sets the duration in ticks.</summary>
    [JsonPropertyName("du")]
    public long? Duration { get; set; }

    [JsonPropertyName("xt")]
    public string? ExceptionType { get; set; }

    [JsonPropertyName("xm")]
    public string? ExceptionMessage { get; set; }

    [JsonPropertyName("ac")]
    public string? Actor { get; set; }

    [JsonPropertyName("hd")]
    public Dictionary<string, string>? Headers { get; set; }

    [JsonPropertyName("bd")]
    public string? Body { get; set; }

    /// <summary>The entry as UTF-8 JSON, cut to <paramref name="options"/>' bounds.</summary>
    public static byte[] Write(WebhookJournalEntry entry, WebhookJournalOptions options)
    {
        var value = options.MaxValueLength;
        var text = Math.Max(value, 1_024); // reasons, handler and exception type names
        var record = new RedisJournalRecord
        {
            Kind = (int)entry.Kind,
            Ticks = entry.Time.UtcTicks,
            Receiver = Cut(entry.ReceiverName, value) ?? "",
            Provider = Cut(entry.Provider, value),
            EventType = Cut(entry.EventType, value),
            EventId = Cut(entry.EventId, value),
            DeliveryId = Cut(entry.DeliveryId, value),
            BodyBytes = entry.BodyBytes,
            Status = entry.StatusCode,
            Outcome = Cut(entry.Outcome, value) ?? "",
            ReplayOf = Cut(entry.ReplayOf, value),
            IdempotencyKeys = entry.IdempotencyKeys is { Count: > 0 } keys ? [.. keys.Take(4).Select(key => Cut(key, value)!)] : null,
            ReasonCode = Cut(entry.ReasonCode, value),
            Reason = Cut(entry.Reason, text),
            Attempt = entry.Attempt,
            Handler = Cut(entry.Handler, text),
            Duration = entry.Duration?.Ticks,
            ExceptionType = Cut(entry.ExceptionType, text),
            ExceptionMessage = Cut(entry.ExceptionMessage, options.MaxExceptionMessageLength),
            Actor = Cut(entry.Actor, value),
            Body = options.MaxBodyLength == 0 ? null : Cut(entry.Body, options.MaxBodyLength),
        };
        if (entry.Headers is { Count: > 0 } headers)
        {
            record.Headers = new Dictionary<string, string>(Math.Min(headers.Count, MaxHeaders), StringComparer.OrdinalIgnoreCase);
            foreach (var (name, header) in headers.Take(MaxHeaders))
            {
                record.Headers[Cut(name, value)!] = Cut(header, value)!;
            }
        }

        return JsonSerializer.SerializeToUtf8Bytes(record, RedisJournalJsonContext.Default.RedisJournalRecord);
    }

    /// <summary>The entry stored as <paramref name="json"/>, numbered <paramref name="sequence"/>; <see langword="null"/> when it is not a record.</summary>
    public static WebhookJournalEntry? Read(ReadOnlySpan<byte> json, long sequence)
    {
        RedisJournalRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(json, RedisJournalJsonContext.Default.RedisJournalRecord);
        }
        catch (JsonException)
        {
            return null;
        }

        if (record is null)
        {
            return null;
        }

        return new WebhookJournalEntry
        {
            Sequence = sequence,
            Kind = (WebhookJournalEntryKind)record.Kind,
            Time = new DateTimeOffset(record.Ticks, TimeSpan.Zero),
            ReceiverName = record.Receiver,
            Provider = record.Provider,
            EventType = record.EventType,
            EventId = record.EventId,
            DeliveryId = record.DeliveryId,
            BodyBytes = record.BodyBytes,
            StatusCode = record.Status,
            Outcome = record.Outcome,
            ReplayOf = record.ReplayOf,
            IdempotencyKeys = record.IdempotencyKeys,
            ReasonCode = record.ReasonCode,
            Reason = record.Reason,
            Attempt = record.Attempt,
            Handler = record.Handler,
            Duration = record.Duration is { } ticks ? TimeSpan.FromTicks(ticks) : null,
            ExceptionType = record.ExceptionType,
            ExceptionMessage = record.ExceptionMessage,
            Actor = record.Actor,
            Headers = record.Headers is null ? null : new Dictionary<string, string>(record.Headers, StringComparer.OrdinalIgnoreCase),
            Body = record.Body,
        };
    }

    /// <summary>As the recorder cuts: the first <paramref name="length"/> characters and an ellipsis.</summary>
    private static string? Cut(string? value, int length) =>
        value is null || value.Length <= length ? value : string.Concat(value.AsSpan(0, length), "…");
}
