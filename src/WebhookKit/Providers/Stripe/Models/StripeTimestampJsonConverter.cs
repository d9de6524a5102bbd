using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using WebhookKit.Internal.Json;

namespace WebhookKit.Stripe;

/// <summary>
/// Reads a Stripe timestamp into seconds since the Unix epoch: v1 sends a number of seconds, v2 an ISO 8601 string
/// (<c>2022-02-15T00:27:45.330Z</c>, read to the whole second). Writes the number, as v1 does.
/// </summary>
internal sealed class StripeTimestampJsonConverter : JsonConverter<long>
{
    public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => ReadValue(ref reader);

    /// <summary>Reads the timestamp the reader is on.</summary>
    internal static long ReadValue(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return ModelJson.Int64(ref reader);
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a number or an ISO 8601 string for a Stripe timestamp, but found {reader.TokenType}.");
        }

        if (reader.TryGetDateTimeOffset(out var value))
        {
            return value.ToUnixTimeSeconds();
        }

        // Seconds sent as a string, or an ISO 8601 form System.Text.Json's own reader does not take.
        var text = reader.GetString();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return value.ToUnixTimeSeconds();
        }

        throw new JsonException("The Stripe timestamp is neither a number of seconds nor an ISO 8601 date and time.");
    }

    public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value);
    }
}
