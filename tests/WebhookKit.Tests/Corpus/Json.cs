using System.Text.Json;

namespace WebhookKit.Tests.Corpus;

/// <summary>Looks values up in a parsed payload, to compare a model with the JSON it was read from.</summary>
internal static class Json
{
    /// <summary>Gets the value at <paramref name="path"/>, or <see langword="null"/> when it (or a parent) is absent or JSON null.</summary>
    public static JsonElement? At(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.Null ? null : element;
    }

    public static string? String(JsonElement element, params string[] path) => At(element, path)?.GetString();

    public static long? Int64(JsonElement element, params string[] path) => At(element, path)?.GetInt64();

    public static bool? Boolean(JsonElement element, params string[] path) => At(element, path)?.GetBoolean();

    public static int? Length(JsonElement element, params string[] path) =>
        At(element, path) is { ValueKind: JsonValueKind.Array } array ? array.GetArrayLength() : null;
}
