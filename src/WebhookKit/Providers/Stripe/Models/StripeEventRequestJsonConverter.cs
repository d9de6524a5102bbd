using System.Text.Json;
using System.Text.Json.Serialization;
using WebhookKit.Internal.Json;

namespace WebhookKit.Stripe;

/// <summary>
/// Reads an event's <c>request</c> both as an object (<c>{"id": …, "idempotency_key": …}</c>) and, for
/// endpoints pinned to API versions before 2017-05-25, as a plain request id string.
/// </summary>
internal sealed class StripeEventRequestJsonConverter : JsonConverter<StripeEventRequest>
{
    public override StripeEventRequest? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <summary>Reads the value the reader is on: JSON <c>null</c>, a request id or an object.</summary>
    internal static StripeEventRequest? ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null; // What System.Text.Json does for a reference type before it calls a converter.
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            return new StripeEventRequest { Id = reader.GetString() };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object or a string for the Stripe event 'request', but found {reader.TokenType}.");
        }

        string? id = null;
        string? idempotencyKey = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                throw new JsonException("Malformed Stripe event 'request' object.");
            }

            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = ReadNullableString(ref reader);
            }
            else if (reader.ValueTextEquals("idempotency_key"u8))
            {
                reader.Read();
                idempotencyKey = ReadNullableString(ref reader);
            }
            else
            {
                reader.Read();
                ModelJson.Skip(ref reader);
            }
        }

        return new StripeEventRequest { Id = id, IdempotencyKey = idempotencyKey };
    }

    public override void Write(Utf8JsonWriter writer, StripeEventRequest value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id"u8, value.Id);
        writer.WriteString("idempotency_key"u8, value.IdempotencyKey);
        writer.WriteEndObject();
    }

    private static string? ReadNullableString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException($"Expected a string or null in the Stripe event 'request', but found {reader.TokenType}."),
    };
}
