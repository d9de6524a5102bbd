using System.Collections;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace WebhookKit.Tests.BuiltInModels;

/// <summary>
/// Compares two models property by property, recursively: the same runtime types (a list is the same kind of list),
/// the same values, raw JSON by its kind and text. Returns where they first differ, or <see langword="null"/>.
/// </summary>
internal static class ModelComparer
{
    public static string? FirstDifference(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{path}: {Describe(expected)} ≠ {Describe(actual)}";
        }

        if (expected.GetType() != actual.GetType())
        {
            return $"{path}: {expected.GetType()} ≠ {actual.GetType()}";
        }

        switch (expected)
        {
            case JsonElement element:
                var other = (JsonElement)actual;
                return element.ValueKind == other.ValueKind && (element.ValueKind == JsonValueKind.Undefined || Raw(element).SequenceEqual(Raw(other)))
                    ? null
                    : $"{path}: {element.ValueKind} {Encoding.UTF8.GetString(Raw(element))} ≠ {other.ValueKind} {Encoding.UTF8.GetString(Raw(other))}";
            case string or ValueType:
                return Equals(expected, actual) && (expected is not DateTimeOffset date || date.Offset == ((DateTimeOffset)actual).Offset)
                    ? null
                    : $"{path}: {Describe(expected)} ≠ {Describe(actual)}";
            case IList list:
                var otherList = (IList)actual;
                if (list.Count != otherList.Count)
                {
                    return $"{path}: {list.Count} items ≠ {otherList.Count}";
                }

                for (var i = 0; i < list.Count; i++)
                {
                    if (FirstDifference(list[i], otherList[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
        }

        foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            // A computed property may throw for both (the type of a raw object whose "object" is not valid UTF-8).
            var (expectedValue, expectedError) = Get(property, expected);
            var (actualValue, actualError) = Get(property, actual);
            if (expectedError != actualError)
            {
                return $"{path}.{property.Name}: {expectedError?.Name ?? "read"} ≠ {actualError?.Name ?? "read"}";
            }

            if (FirstDifference(expectedValue, actualValue, $"{path}.{property.Name}") is { } difference)
            {
                return difference;
            }
        }

        return null;
    }

    private static (object? Value, Type? Error) Get(PropertyInfo property, object target)
    {
        try
        {
            return (property.GetValue(target), null);
        }
        catch (TargetInvocationException exception)
        {
            return (null, exception.InnerException!.GetType());
        }
    }

    // The bytes, not the text: a value may hold a string that is not valid UTF-8, which only reading it as text refuses.
    private static byte[] Raw(JsonElement element) =>
        element.ValueKind == JsonValueKind.Undefined ? [] : JsonMarshal.GetRawUtf8Value(element).ToArray();

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string text => $"\"{text}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
