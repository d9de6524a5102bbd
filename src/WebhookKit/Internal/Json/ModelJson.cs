using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace WebhookKit.Internal.Json;

/// <summary>The reader for one value of a built-in model, called with the reader on the value's first token.</summary>
internal delegate T ModelValueReader<T>(ref Utf8JsonReader reader);

/// <summary>
/// What the built-in models' hand-written readers share: each value read straight from <see cref="Utf8JsonReader"/>
/// as System.Text.Json's own converters read it (same tokens accepted, <see cref="JsonException"/> for the rest), and
/// the property loop. Every method is called with the reader on the value's first token and leaves it on its last.
/// </summary>
/// <remarks>
/// A property's name is matched on its UTF-8 bytes as the reader holds them; only an escaped name (or, for a reader
/// over a <see cref="System.Buffers.ReadOnlySequence{T}"/>, one split across segments) is copied first.
/// </remarks>
internal static class ModelJson
{
    /// <summary>Throws unless the reader is on the start of an object: what System.Text.Json refuses for a model.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, Type modelType)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ThrowCannotConvert(modelType);
        }
    }

    /// <summary>Moves to the next property of the object; <see langword="false"/> at its end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool NextProperty(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>The current property's name, unescaped (a copy only when it was escaped or split across segments).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ReadOnlySpan<byte> Name(scoped ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence ? CopyName(ref reader) : reader.ValueSpan;

    /// <summary>Moves to the next token; the input ending first is malformed JSON.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            ThrowIncomplete();
        }
    }

    /// <summary>Skips the value of a property the model does not have, whatever its shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Skip(ref Utf8JsonReader reader)
    {
        // TrySkip, not Skip: System.Text.Json hands a converter a reader that is not on the final block when it reads a
        // stream, though it has buffered the whole value first. Most values are not objects or arrays: nothing to skip.
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
        {
            ThrowIncomplete();
        }
    }

    public static string? String(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => ModelStrings.Get(ref reader),
        JsonTokenType.Null => null,
        _ => ThrowCannotConvert<string>(typeof(string)),
    };

    /// <summary>A string that recurs from one delivery to the next (a repository's name, an account's login): see <see cref="RecurringModelStrings"/>.</summary>
    public static string? RecurringString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => ModelStrings.GetRecurring(ref reader),
        JsonTokenType.Null => null,
        _ => ThrowCannotConvert<string>(typeof(string)),
    };

    public static long Int64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : ThrowCannotConvert<long>(typeof(long));

    public static long? NullableInt64(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Int64(ref reader);

    public static int Int32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : ThrowCannotConvert<int>(typeof(int));

    public static int? NullableInt32(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Int32(ref reader);

    public static double? NullableDouble(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetDouble(out var value) => value,
        _ => ThrowCannotConvert<double>(typeof(double)),
    };

    public static bool Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        _ => ThrowCannotConvert<bool>(typeof(bool)),
    };

    public static bool? NullableBoolean(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : Boolean(ref reader);

    public static DateTimeOffset? NullableDateTimeOffset(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String when reader.TryGetDateTimeOffset(out var value) => value,
        _ => ThrowCannotConvert<DateTimeOffset>(typeof(DateTimeOffset)),
    };

    /// <summary>A value kept as raw JSON, as System.Text.Json's own converter keeps it (its own copy).</summary>
    public static JsonElement Element(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    public static JsonElement? NullableElement(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);

    /// <summary>
    /// A copy of the raw JSON of the object or array the reader is on, once the reader has skipped (so validated) it; or
    /// <see langword="null"/> for any other value, or a reader over a sequence, whose bytes it does not give back.
    /// </summary>
    public static byte[]? RawObjectOrArray(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || reader.Position.GetObject() is not null)
        {
            return null;
        }

        // A reader over one span: the value's bytes are in that span, from its first token to where the skip ends.
        ref var first = ref MemoryMarshal.GetReference(reader.ValueSpan);
        var start = reader.TokenStartIndex;
        Skip(ref reader);
        return MemoryMarshal.CreateReadOnlySpan(ref first, checked((int)(reader.BytesConsumed - start))).ToArray();
    }

    /// <summary>An array of strings (JSON <c>null</c> items kept as <see langword="null"/>), as a <see cref="List{T}"/> like System.Text.Json's.</summary>
    public static List<string>? StringList(ref Utf8JsonReader reader) => List(ref reader, String);

    /// <summary>
    /// An array of <typeparamref name="T"/> as a <see cref="List{T}"/>, as System.Text.Json reads an
    /// <see cref="IReadOnlyList{T}"/>; JSON <c>null</c> is <see langword="null"/>, and so is a <c>null</c> item.
    /// </summary>
    public static List<T>? List<T>(ref Utf8JsonReader reader, ModelValueReader<T?> item)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            ThrowCannotConvert(typeof(List<T>));
        }

        var list = new List<T>();
        while (true)
        {
            Next(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            // A null item is kept, as System.Text.Json keeps it, whatever the annotation says.
            list.Add(reader.TokenType == JsonTokenType.Null ? null! : item(ref reader)!);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadOnlySpan<byte> CopyName(scoped ref Utf8JsonReader reader)
    {
        // Unescaped, a name is never longer than as the reader holds it.
        var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowIncomplete() => throw new JsonException("The JSON ends before its value does.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowCannotConvert(Type type) => throw new JsonException($"The JSON value could not be converted to {type}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static T ThrowCannotConvert<T>(Type type) => throw new JsonException($"The JSON value could not be converted to {type}.");
}
