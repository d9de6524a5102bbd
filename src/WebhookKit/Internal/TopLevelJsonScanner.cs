using System.Text.Json;

namespace WebhookKit.Internal;

/// <summary>
/// Reads two string properties of a JSON object's top level without deserializing it: nested values are
/// skipped, so the cost is one forward pass (which also proves the body is well-formed JSON) and two small strings.
/// </summary>
internal static class TopLevelJsonScanner
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>False when the body is not a JSON object (invalid JSON, invalid UTF-8, too deep) or a property is missing.</summary>
    public static bool TryReadStrings(
        ReadOnlySpan<byte> json,
        ReadOnlySpan<byte> firstName,
        ReadOnlySpan<byte> secondName,
        out string first,
        out string second)
    {
        first = string.Empty;
        second = string.Empty;
        string? foundFirst = null;
        string? foundSecond = null;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (foundFirst is null && reader.ValueTextEquals(firstName))
                {
                    reader.Read();
                    foundFirst = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else if (foundSecond is null && reader.ValueTextEquals(secondName))
                {
                    reader.Read();
                    foundSecond = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Read to the end so a truncated or trailing-garbage body is refused here (400), not dead-lettered later.
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

        if (string.IsNullOrEmpty(foundFirst) || string.IsNullOrEmpty(foundSecond))
        {
            return false;
        }

        first = foundFirst;
        second = foundSecond;
        return true;
    }
}
