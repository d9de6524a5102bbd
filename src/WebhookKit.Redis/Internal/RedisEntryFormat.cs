using System.Globalization;
using System.Text;
using StackExchange.Redis;
using WebhookKit.Dispatch;

namespace WebhookKit.Redis.Internal;

/// <summary>
/// How a delivery (and a dead letter) is stored as a stream entry, in few fields so that appending and reading stay
/// cheap: <c>id</c> (the delivery id), <c>m</c> (metadata), <c>h</c> (the headers handlers see), <c>b</c> (the raw
/// body bytes as signed), <c>p</c> (the JSON payload, only when it differs from the body: form-encoded GitHub
/// deliveries) and <c>r</c> (the replay key, when the delivery has one, so that acknowledging, dead-lettering, a
/// takeover and a replay handle both of its claims); a dead letter adds <c>d</c> (when, after how many attempts and why it failed). Text fields are
/// sequences of <c>{length}:{value}</c>, so any character may appear in a value. A new delivery's entry has no
/// <c>b</c>: its body is a string key of its own (<see cref="RedisKeyLayout.Body"/>), written by a plain command,
/// because a 10 KB argument costs a Lua script about 10 µs of Redis's time and a <c>SET</c> well under one.
/// </summary>
internal static class RedisEntryFormat
{
    private const string DeliveryIdField = "id";
    private const string MetadataField = "m";
    private const string HeadersField = "h";
    private const string BodyField = "b";
    private const string PayloadField = "p";
    private const string ReplayKeyField = "r";
    private const string ReplayOfField = "ro";
    private const string DeadLetterField = "d";

    /// <summary>Appends the delivery's field/value pairs to <paramref name="values"/>; the body only when <paramref name="includeBody"/>.</summary>
    public static void AddFields(List<RedisValue> values, WebhookDelivery delivery, bool includeBody = true)
    {
        var metadata = new StringBuilder(128);
        Append(metadata, delivery.ReceiverName);
        Append(metadata, delivery.Provider);
        Append(metadata, delivery.EventType);
        Append(metadata, delivery.EventId);
        Append(metadata, delivery.ReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Append(metadata, delivery.TraceParent ?? string.Empty);

        var headers = new StringBuilder(128);
        foreach (var (name, value) in delivery.Headers)
        {
            Append(headers, name);
            Append(headers, value);
        }

        values.Add(DeliveryIdField);
        values.Add(delivery.DeliveryId);
        values.Add(MetadataField);
        values.Add(metadata.ToString());
        values.Add(HeadersField);
        values.Add(headers.ToString());
        if (includeBody)
        {
            values.Add(BodyField);
            values.Add(delivery.Body);
        }

        if (!delivery.Payload.Equals(delivery.Body))
        {
            values.Add(PayloadField);
            values.Add(delivery.Payload);
        }

        if (delivery.ReplayKey is { } replayKey)
        {
            values.Add(ReplayKeyField);
            values.Add(replayKey);
        }

        if (delivery.ReplayOf is { } replayOf)
        {
            values.Add(ReplayOfField);
            values.Add(replayOf);
        }
    }

    /// <summary>Appends a dead letter's field/value pairs: the delivery's, then when, how often and why it failed.</summary>
    public static void AddFields(List<RedisValue> values, WebhookDeadLetter deadLetter)
    {
        AddFields(values, deadLetter.Delivery);
        var failure = new StringBuilder(64);
        Append(failure, deadLetter.FailedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        Append(failure, deadLetter.Attempts.ToString(CultureInfo.InvariantCulture));
        Append(failure, deadLetter.Reason);
        values.Add(DeadLetterField);
        values.Add(failure.ToString());
    }

    public static WebhookDelivery ReadDelivery(NameValueEntry[] fields, int previousAttempts, ReadOnlyMemory<byte>? separateBody = null) =>
        Read(fields, previousAttempts, separateBody, out _);

    /// <summary>
    /// The delivery id whose body key holds the entry's body, or <see langword="null"/> when the entry holds its body
    /// itself (a replayed dead letter) or has no id.
    /// </summary>
    public static string? SeparateBodyOwner(NameValueEntry[] fields)
    {
        string? deliveryId = null;
        foreach (var field in fields)
        {
            if (field.Name == BodyField)
            {
                return null;
            }

            if (field.Name == DeliveryIdField)
            {
                deliveryId = field.Value;
            }
        }

        return deliveryId;
    }

    /// <summary>The entry's delivery id, or <see langword="null"/> when it has none.</summary>
    public static string? DeliveryId(NameValueEntry[] fields) => Field(fields, DeliveryIdField);

    /// <summary>
    /// The entry's delivery id, event id and replay key, read without the rest of the entry (whose body is missing);
    /// <see langword="null"/> when it has no delivery id or its metadata cannot be read.
    /// </summary>
    public static (string DeliveryId, string EventId, string? ReplayKey)? Claims(NameValueEntry[] fields)
    {
        if (Field(fields, DeliveryIdField) is not { } deliveryId || Field(fields, MetadataField) is not { } metadata)
        {
            return null;
        }

        try
        {
            var meta = new Reader(metadata);
            meta.Next(); // receiver
            meta.Next(); // provider
            meta.Next(); // event type
            return (deliveryId, meta.Next(), Field(fields, ReplayKeyField));
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>
    /// The bytes the entry counts against its partition's <see cref="WebhookOptions.QueueMaxBytes"/>, as
    /// <see cref="WebhookDelivery.Size"/>: its body's (<paramref name="separateBody"/> when it is a key of its own) and
    /// its payload's when it has one.
    /// </summary>
    public static long Size(NameValueEntry[] fields, RedisValue? separateBody)
    {
        var size = separateBody is { IsNull: false } body ? body.Length() : 0;
        foreach (var field in fields)
        {
            if (field.Name == BodyField || field.Name == PayloadField)
            {
                size += field.Value.Length();
            }
        }

        return size;
    }

    private static string? Field(NameValueEntry[] fields, string name)
    {
        foreach (var field in fields)
        {
            if (field.Name == name)
            {
                return field.Value;
            }
        }

        return null;
    }

    public static WebhookDeadLetter ReadDeadLetter(NameValueEntry[] fields)
    {
        var delivery = Read(fields, 0, null, out var failure);
        var reader = new Reader(failure ?? throw new FormatException("A dead letter has no failure field."));
        var failedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(reader.Next(), CultureInfo.InvariantCulture));
        var attempts = int.Parse(reader.Next(), CultureInfo.InvariantCulture);
        var reason = reader.Next();
        return new WebhookDeadLetter(delivery, failedAt, attempts, reason.Length == 0 ? "unknown" : reason);
    }

    /// <summary>Reads the field/value pairs of a Lua reply (a flat array) as stream entry fields.</summary>
    public static NameValueEntry[] ToFields(RedisResult[] flat)
    {
        var fields = new NameValueEntry[flat.Length / 2];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = new NameValueEntry((RedisValue)flat[2 * i], (RedisValue)flat[(2 * i) + 1]);
        }

        return fields;
    }

    private static WebhookDelivery Read(NameValueEntry[] fields, int previousAttempts, ReadOnlyMemory<byte>? separateBody, out string? failure)
    {
        string? deliveryId = null, metadata = null, headerText = null, replayKey = null, replayOf = null;
        ReadOnlyMemory<byte>? body = separateBody, payload = null;
        failure = null;
        foreach (var field in fields)
        {
            var name = (string)field.Name!;
            switch (name)
            {
                case DeliveryIdField: deliveryId = field.Value; break;
                case MetadataField: metadata = field.Value; break;
                case HeadersField: headerText = field.Value; break;
                // As memory: the reply's bytes are used as they are, not copied into another array.
                case BodyField: body = (ReadOnlyMemory<byte>)field.Value; break;
                case PayloadField: payload = (ReadOnlyMemory<byte>)field.Value; break;
                case DeadLetterField: failure = field.Value; break;
                case ReplayKeyField: replayKey = field.Value; break;
                case ReplayOfField: replayOf = field.Value; break;
                default: break; // A field a later version added.
            }
        }

        var meta = new Reader(metadata ?? throw new FormatException("The entry has no metadata field."));
        var receiver = meta.Next();
        var provider = meta.Next();
        var eventType = meta.Next();
        var eventId = meta.Next();
        var receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(meta.Next(), CultureInfo.InvariantCulture));
        var traceParent = meta.Next();

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var headerReader = new Reader(headerText ?? string.Empty);
        while (!headerReader.AtEnd)
        {
            var name = headerReader.Next();
            headers[name] = headerReader.Next();
        }

        var bodyBytes = body ?? ReadOnlyMemory<byte>.Empty;
        return new WebhookDelivery(deliveryId!, receiver, provider, eventType, eventId, receivedAt, bodyBytes, payload ?? bodyBytes, headers)
        {
            TraceParent = traceParent.Length == 0 ? null : traceParent,
            ReplayKey = replayKey,
            ReplayOf = replayOf,
            PreviousAttempts = previousAttempts,
        };
    }

    private static void Append(StringBuilder builder, string value) =>
        builder.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);

    /// <summary>Reads <c>{length}:{value}</c> items in order.</summary>
    private ref struct Reader(string text)
    {
        private int _position;

        public readonly bool AtEnd => _position >= text.Length;

        public string Next()
        {
            var colon = text.IndexOf(':', _position);
            if (colon < 0)
            {
                throw new FormatException("A length-prefixed value is missing its ':'.");
            }

            var length = int.Parse(text.AsSpan(_position, colon - _position), NumberStyles.None, CultureInfo.InvariantCulture);
            var value = text.Substring(colon + 1, length);
            _position = colon + 1 + length;
            return value;
        }
    }
}
