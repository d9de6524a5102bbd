using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Slack;

/// <summary>Reads a <see cref="SlackEvent"/> as the raw JSON value it wraps (AOT-safe: no reflection).</summary>
internal sealed class SlackEventJsonConverter : JsonConverter<SlackEvent>
{
    public override SlackEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, SlackEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.Json.WriteTo(writer);
    }
}
