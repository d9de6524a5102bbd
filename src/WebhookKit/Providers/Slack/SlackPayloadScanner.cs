using System.Text.Json;
using System.Text.Unicode;

namespace WebhookKit.Slack;

/// <summary>
/// One forward pass over an Events API body: the top-level <c>type</c>, <c>event_id</c> and <c>challenge</c>, and
/// <c>event.type</c>; everything else is skipped. False when the body is not a well-formed JSON object, or repeats one
/// of those properties.
/// </summary>
internal static class SlackPayloadScanner
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    public static bool TryScan(ReadOnlySpan<byte> json, out SlackEnvelopeFields fields)
    {
        fields = default;
        string? type = null, eventId = null, challenge = null, innerType = null;

        // The reader checks UTF-8 only in the strings it decodes: refuse invalid bytes anywhere, in one vectorized pass.
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            // A property read twice is refused: the scan would keep one value and the handler's model (System.Text.Json,
            // last wins) the other, so the dedupe key or the routed type could differ from what the handler sees.
            var seen = Seen.None;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    if (!Mark(ref seen, Seen.Type))
                    {
                        return false;
                    }

                    type = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("event_id"u8))
                {
                    if (!Mark(ref seen, Seen.EventId))
                    {
                        return false;
                    }

                    eventId = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("challenge"u8))
                {
                    if (!Mark(ref seen, Seen.Challenge))
                    {
                        return false;
                    }

                    challenge = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("event"u8))
                {
                    if (!Mark(ref seen, Seen.Event))
                    {
                        return false;
                    }

                    reader.Read();
                    if (!TryReadInnerType(ref reader, out innerType))
                    {
                        return false;
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this for strings that are not valid UTF-8.
            return false;
        }

        fields = new SlackEnvelopeFields(type, eventId, challenge, innerType);
        return true;
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    /// <summary>
    /// Reads <c>type</c> of the object the reader is on (<see langword="null"/> when it is not an object or has no string
    /// <c>type</c>), leaving the reader on its end. False when the object has <c>type</c> twice.
    /// </summary>
    private static bool TryReadInnerType(ref Utf8JsonReader reader, out string? type)
    {
        type = null;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return true;
        }

        var seen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                if (seen)
                {
                    return false;
                }

                seen = true;
                type = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return true;
    }

    private static bool Mark(ref Seen seen, Seen property)
    {
        if ((seen & property) != 0)
        {
            return false;
        }

        seen |= property;
        return true;
    }

    [Flags]
    private enum Seen
    {
        None = 0,
        Type = 1,
        EventId = 2,
        Challenge = 4,
        Event = 8,
    }
}

/// <summary>What <see cref="SlackPayloadScanner"/> found; every field may be missing.</summary>
internal readonly record struct SlackEnvelopeFields(string? Type, string? EventId, string? Challenge, string? EventType);
