using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.Shopify;

/// <summary>
/// Reads a Shopify resource id that is a number for most resources and a string token for some (carts), into its
/// text: a number as its digits, exactly as sent (no rounding through a floating-point type). Writes it back as it
/// was read: digits as a number, anything else as a string.
/// </summary>
internal sealed class ShopifyIdJsonConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            _ => throw new JsonException($"Expected a number or a string for a Shopify id, but found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            writer.WriteRawValue(value, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }
}
