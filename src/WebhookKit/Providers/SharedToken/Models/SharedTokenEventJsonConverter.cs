using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.SharedToken;

/// <summary>Reads an <see cref="SharedTokenEvent"/> as the raw JSON value it wraps (AOT-safe: no reflection).</summary>
internal sealed class SharedTokenEventJsonConverter : JsonConverter<SharedTokenEvent>
{
    public override SharedTokenEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, SharedTokenEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.Json.WriteTo(writer);
    }
}
