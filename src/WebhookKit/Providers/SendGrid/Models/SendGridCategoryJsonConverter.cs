using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookKit.SendGrid;

/// <summary>Reads <c>category</c>, a string or an array of strings, as a list; anything else is a <see cref="JsonException"/>.</summary>
internal sealed class SendGridCategoryJsonConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return [reader.GetString()!];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a string or an array of strings for a SendGrid category, but found {reader.TokenType}.");
        }

        List<string> categories = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            categories.Add(reader.TokenType == JsonTokenType.String
                ? reader.GetString()!
                : throw new JsonException($"Expected a string in a SendGrid category array, but found {reader.TokenType}."));
        }

        return categories;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var category in value)
        {
            writer.WriteStringValue(category);
        }

        writer.WriteEndArray();
    }
}
