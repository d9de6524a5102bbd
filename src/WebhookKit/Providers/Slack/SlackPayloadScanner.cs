using System.Text.Json;
using System.Text.Unicode;

namespace WebhookKit.Slack;

/// <summary>
/// One forward pass over an Events API body: the top-level <c>type</c>, <c>event_id</c> and <c>challenge</c>, and
/// <c>event.type</c>; everything else is skipped. False when the body is not a well-formed JSON object.
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

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // Each value is read (or skipped) even when the property was already found: a repeated property must
                // still be consumed, or the scan would lose its place in the object. The first usable value wins.
                if (reader.ValueTextEquals("type"u8))
                {
                    var value = ReadString(ref reader);
                    type ??= value;
                }
                else if (reader.ValueTextEquals("event_id"u8))
                {
                    var value = ReadString(ref reader);
                    eventId ??= value;
                }
                else if (reader.ValueTextEquals("challenge"u8))
                {
                    var value = ReadString(ref reader);
                    challenge ??= value;
                }
                else if (reader.ValueTextEquals("event"u8))
                {
                    reader.Read();
                    var value = ReadInnerType(ref reader);
                    innerType ??= value;
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

    /// <summary>Reads <c>type</c> of the object the reader is on, leaving the reader on its end.</summary>
    private static string? ReadInnerType(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        string? type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (type is null && reader.ValueTextEquals("type"u8))
            {
                type = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return type;
    }
}

/// <summary>What <see cref="SlackPayloadScanner"/> found; every field may be missing.</summary>
internal readonly record struct SlackEnvelopeFields(string? Type, string? EventId, string? Challenge, string? EventType);
