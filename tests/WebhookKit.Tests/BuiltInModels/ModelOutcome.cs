using System.Text.Json;

namespace WebhookKit.Tests.BuiltInModels;

/// <summary>Reads one document both ways and says how the two outcomes differ, if they do.</summary>
internal static class ModelOutcome
{
    /// <summary>
    /// <see langword="null"/> when the library's deserialization and the reference one both throw a
    /// <see cref="JsonException"/> with the same path, line and byte, or both read equal models (compared property by
    /// property and as the reference contract writes them); otherwise what differs.
    /// </summary>
    public static string? Difference(BuiltInModel model, byte[] json)
    {
        var (expected, expectedError) = Run<byte[]>(model.ReadReference, json);
        var (actual, actualError) = Run<byte[]>(model.Read, json);
        if (expectedError is null && actualError is null)
        {
            if (ModelComparer.FirstDifference(expected, actual) is { } difference)
            {
                return difference;
            }

            return expected is null || Write(model, expected) == Write(model, actual!) ? null : "written differently";
        }

        if (expectedError is null || actualError is null)
        {
            return $"reference: {Describe(expectedError)}; library: {Describe(actualError)}";
        }

        if (expectedError.GetType() != actualError.GetType() || expectedError is not JsonException expectedJson)
        {
            return $"reference threw {expectedError.GetType().Name}; library threw {actualError.GetType().Name}";
        }

        var actualJson = (JsonException)actualError;
        return expectedJson.Path == actualJson.Path
            && expectedJson.LineNumber == actualJson.LineNumber
            && expectedJson.BytePositionInLine == actualJson.BytePositionInLine
                ? null
                : $"reference: {Describe(expectedError)}; library: {Describe(actualError)}";
    }

    // As the reference contract writes it, or what writing it threw (a string that is not valid UTF-8 cannot be written).
    private static string Write(BuiltInModel model, object value)
    {
        var (written, error) = Run<object>(model.WriteReference, value);
        return (string?)written ?? error!.GetType().Name;
    }

    private static (object? Result, Exception? Error) Run<T>(Func<T, object?> read, T input)
    {
        try
        {
            return (read(input), null);
        }
#pragma warning disable CA1031 // Any exception is an outcome to compare.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (null, exception);
        }
    }

    private static string Describe(Exception? exception) => exception switch
    {
        null => "read",
        JsonException json => $"JsonException at {json.Path} (line {json.LineNumber}, byte {json.BytePositionInLine})",
        _ => exception.GetType().Name,
    };
}
