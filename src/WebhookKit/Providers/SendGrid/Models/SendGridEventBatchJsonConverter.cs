using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace WebhookKit.SendGrid;

/// <summary>
/// Reads a batch, a JSON array of events, event by event. An event that <see cref="SendGridEvent"/> cannot read is
/// read again as plain JSON and kept (see <see cref="SendGridEventBatch"/>). Anything but an array of objects is a
/// <see cref="JsonException"/>.
/// </summary>
internal sealed class SendGridEventBatchJsonConverter : JsonConverter<SendGridEventBatch>
{
    public override SendGridEventBatch Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array of events for a SendGrid batch, but found {reader.TokenType}.");
        }

        var eventInfo = (JsonTypeInfo<SendGridEvent>)options.GetTypeInfo(typeof(SendGridEvent));
        List<SendGridEvent> events = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new JsonException($"Expected an event object in a SendGrid batch, but found {reader.TokenType}.");
            }

            // The reader is a struct over the whole (verified) body: a copy is a bookmark to read the event again from.
            var start = reader;
            try
            {
                events.Add(JsonSerializer.Deserialize(ref reader, eventInfo) ?? new SendGridEvent());
            }
            catch (JsonException)
            {
                reader = start;
                events.Add(Fallback(JsonElement.ParseValue(ref reader)));
            }
        }

        return new SendGridEventBatch { Events = events };
    }

    public override void Write(Utf8JsonWriter writer, SendGridEventBatch value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var eventInfo = (JsonTypeInfo<SendGridEvent>)options.GetTypeInfo(typeof(SendGridEvent));
        writer.WriteStartArray();
        foreach (var item in value.Events)
        {
            JsonSerializer.Serialize(writer, item, eventInfo);
        }

        writer.WriteEndArray();
    }

    /// <summary>An event kept as it came: every property in <see cref="SendGridEvent.AdditionalProperties"/>, and the identity fields that are strings.</summary>
    private static SendGridEvent Fallback(JsonElement element)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            properties[property.Name] = property.Value;
        }

        return new SendGridEvent
        {
            Email = StringOf(properties, "email"),
            Event = StringOf(properties, "event"),
            SgEventId = StringOf(properties, "sg_event_id"),
            SgMessageId = StringOf(properties, "sg_message_id"),
            AdditionalProperties = properties,
        };
    }

    private static string? StringOf(Dictionary<string, JsonElement> properties, string name) =>
        properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
