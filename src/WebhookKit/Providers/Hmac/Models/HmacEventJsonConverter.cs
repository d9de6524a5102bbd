using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Hmac;

/// <summary>Reads an <see cref="HmacEvent"/> as the raw JSON value it wraps (AOT-safe: no reflection).</summary>
internal sealed class HmacEventJsonConverter : JsonConverter<HmacEvent>
{
    // A body that is JSON null is an event whose Json is null, not a failure of the model.
    public override bool HandleNull => true;

    public override HmacEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, HmacEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.Json.WriteTo(writer);
    }
}
