using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace WebhookKit.Internal;

/// <summary>
/// Reads two string properties of a JSON object's top level without deserializing it: nested values are
/// skipped, so the cost is one forward pass (which also proves the body is well-formed JSON) and two small strings.
/// </summary>
internal static class TopLevelJsonScanner
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>False when the body is not a JSON object (invalid JSON, invalid UTF-8, too deep), or a property is missing or repeated.</summary>
    public static bool TryReadStrings(
        ReadOnlySpan<byte> json,
        ReadOnlySpan<byte> firstName,
        ReadOnlySpan<byte> secondName,
        out string first,
        out string second)
    {
        first = string.Empty;
        second = string.Empty;
        if (!TryReadValues(json, firstName, secondName, acceptNumbers: false, out var foundFirst, out var foundSecond)
            || string.IsNullOrEmpty(foundFirst)
            || string.IsNullOrEmpty(foundSecond))
        {
            return false;
        }

        first = foundFirst;
        second = foundSecond;
        return true;
    }

    /// <summary>
    /// Why <see cref="TryReadStrings"/> or <see cref="TryReadValues"/> found no event in a verified body: not JSON,
    /// a property repeated, or a property missing. Scans again, on the refusal path only.
    /// </summary>
    public static WebhookRejectionReason RefusalOf(ReadOnlySpan<byte> json, ReadOnlySpan<byte> firstName, ReadOnlySpan<byte> secondName) =>
        Scan(json, firstName, secondName, acceptNumbers: false, out _, out _) switch
        {
            JsonScanStatus.NotAnObject => WebhookRejectionReason.BodyNotJson,
            JsonScanStatus.RepeatedProperty => WebhookRejectionReason.EventFieldsRepeated,
            _ => WebhookRejectionReason.EventFieldsMissing,
        };

    /// <summary>
    /// Reads up to two top-level properties (an empty name is not looked for): strings, and with
    /// <paramref name="acceptNumbers"/> numbers as their JSON text. False when the body is not a well-formed JSON
    /// object or a property looked for is repeated; a property that is missing or of another kind comes back <see langword="null"/>.
    /// </summary>
    public static bool TryReadValues(
        ReadOnlySpan<byte> json,
        ReadOnlySpan<byte> firstName,
        ReadOnlySpan<byte> secondName,
        bool acceptNumbers,
        out string? first,
        out string? second) =>
        Scan(json, firstName, secondName, acceptNumbers, out first, out second) == JsonScanStatus.Read;

    /// <summary>
    /// As <see cref="TryReadValues"/>, telling a body that is not a JSON object from one that repeats a property looked
    /// for (both leave <paramref name="first"/> and <paramref name="second"/> <see langword="null"/>).
    /// </summary>
    public static JsonScanStatus Scan(
        ReadOnlySpan<byte> json,
        ReadOnlySpan<byte> firstName,
        ReadOnlySpan<byte> secondName,
        bool acceptNumbers,
        out string? first,
        out string? second)
    {
        first = null;
        second = null;

        // Utf8JsonReader checks UTF-8 only in the strings it decodes; a skipped property could carry invalid bytes into
        // the queue, where deserialization would fail. One vectorized pass refuses them here (400), as documented.
        if (!Utf8.IsValid(json))
        {
            return JsonScanStatus.NotAnObject;
        }

        string? foundFirst = null, foundSecond = null;
        bool seenFirst = false, seenSecond = false;
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return JsonScanStatus.NotAnObject;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                // ValueTextEquals compares the unescaped name, so "\u0069d" is "id" too.
                if (!firstName.IsEmpty && reader.ValueTextEquals(firstName))
                {
                    if (seenFirst)
                    {
                        return JsonScanStatus.RepeatedProperty;
                    }

                    seenFirst = true;
                    reader.Read();
                    foundFirst = ReadValue(ref reader, acceptNumbers);
                }
                else if (!secondName.IsEmpty && reader.ValueTextEquals(secondName))
                {
                    if (seenSecond)
                    {
                        return JsonScanStatus.RepeatedProperty;
                    }

                    seenSecond = true;
                    reader.Read();
                    foundSecond = ReadValue(ref reader, acceptNumbers);
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
                return JsonScanStatus.NotAnObject;
            }
        }
        catch (JsonException)
        {
            return JsonScanStatus.NotAnObject;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this for strings that are not valid UTF-8.
            return JsonScanStatus.NotAnObject;
        }

        first = foundFirst;
        second = foundSecond;
        return JsonScanStatus.Read;
    }

    private static string? ReadValue(ref Utf8JsonReader reader, bool acceptNumbers)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number when acceptNumbers:
                return Encoding.UTF8.GetString(reader.ValueSpan);
            default:
                reader.Skip();
                return null;
        }
    }
}
