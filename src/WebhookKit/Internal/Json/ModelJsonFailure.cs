using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace WebhookKit.Internal.Json;

/// <summary>
/// Gives a built-in model's <see cref="JsonException"/> the path, line and byte System.Text.Json's own contract gives
/// it (the dispatcher logs them with a dead letter), though System.Text.Json sees the hand-written reader as one value.
/// </summary>
/// <remarks>
/// Each object and array reader has an exception filter that notes, in the exception's <see cref="Exception.Data"/>,
/// which property or item it was reading, and never catches, so nothing is done and nothing is kept until something
/// throws. The converter of the model then throws a <see cref="JsonException"/> with the path those notes make, as
/// System.Text.Json does: a property from when its name was read until its value has been; a reader failure keeps the
/// reader's line and byte, any other failure gets those of the reader's position.
/// </remarks>
internal static class ModelJsonFailure
{
    // The characters for which System.Text.Json writes a property as ['name'] rather than .name.
    private static readonly SearchValues<char> BracketedNameCharacters = SearchValues.Create(".'[]() \t\n\r");

    private const string SegmentsKey = "WebhookKit.JsonPathSegments";

    // System.Text.Json's own rethrowable exceptions (a string that is not valid UTF-8, a number out of range).
    private const string RethrowableSource = "System.Text.Json.Rethrowable";

    /// <summary>Notes the property <paramref name="name"/> (none: between properties); always <see langword="false"/>.</summary>
    public static bool AtProperty(Exception exception, ReadOnlySpan<byte> name)
    {
        if (!ModelJson.IsNone(name) && IsModelFailure(exception))
        {
            Segments(exception).Add(PropertySegment(name));
        }

        return false;
    }

    /// <summary>Notes the array item at <paramref name="index"/>; always <see langword="false"/>.</summary>
    public static bool AtIndex(Exception exception, int index)
    {
        if (IsModelFailure(exception))
        {
            Segments(exception).Add(string.Create(CultureInfo.InvariantCulture, $"[{index}]"));
        }

        return false;
    }

    /// <summary>Whether System.Text.Json would report <paramref name="exception"/> as a <see cref="JsonException"/>.</summary>
    public static bool IsModelFailure(Exception exception) => exception switch
    {
        JsonException json => json.Path is null,
        InvalidOperationException or FormatException => exception.Source == RethrowableSource,
        _ => false,
    };

    /// <summary>
    /// The <see cref="JsonException"/> to throw for <paramref name="exception"/>, caught by the model's converter with
    /// <paramref name="reader"/> where it failed; <paramref name="start"/> is a copy of the reader taken on the model's first token.
    /// </summary>
    public static JsonException WithPath(Exception exception, in Utf8JsonReader start, in Utf8JsonReader reader)
    {
        var path = new StringBuilder("$");
        if (exception.Data[SegmentsKey] is List<string> segments)
        {
            for (var i = segments.Count - 1; i >= 0; i--)
            {
                path.Append(segments[i]);
            }

            exception.Data.Remove(SegmentsKey);
        }

        var (line, byteInLine) = exception is JsonException { LineNumber: not null } located
            ? (located.LineNumber, located.BytePositionInLine)
            : Position(start, reader);

        // As System.Text.Json words it: the message, then where.
        var message = exception.Message;
        var at = message.LastIndexOf(" LineNumber: ", StringComparison.Ordinal);
        message = at >= 0
            ? $"{message[..at]} Path: {path} |{message[at..]}"
            : $"{message} Path: {path} | LineNumber: {line} | BytePositionInLine: {byteInLine}.";
        return new JsonException(message, path.ToString(), line, byteInLine, exception);
    }

    private static List<string> Segments(Exception exception)
    {
        if (exception.Data[SegmentsKey] is not List<string> segments)
        {
            segments = [];
            exception.Data[SegmentsKey] = segments;
        }

        return segments;
    }

    // System.Text.Json's form: .name, or ['name'] when the name has a character that would make the dotted form ambiguous.
    private static string PropertySegment(ReadOnlySpan<byte> name)
    {
        var text = Encoding.UTF8.GetString(name);
        return text.AsSpan().ContainsAny(BracketedNameCharacters) || text.Length == 0
            ? $"['{text.Replace("'", "\\'", StringComparison.Ordinal)}']"
            : "." + text;
    }

    // The reader's line and byte in line after its current token, as System.Text.Json reports them: counted in the
    // bytes the reader has consumed, which a reader over one span has all in that span. A reader over a sequence
    // does not give them back, so its failures carry a path but no position.
    private static (long? Line, long? ByteInLine) Position(in Utf8JsonReader start, in Utf8JsonReader reader)
    {
        if (start.Position.GetObject() is not null || start.HasValueSequence || reader.BytesConsumed < start.TokenStartIndex)
        {
            return (null, null);
        }

        ref var first = ref MemoryMarshal.GetReference(start.ValueSpan);
        var consumed = MemoryMarshal.CreateReadOnlySpan(
            ref System.Runtime.CompilerServices.Unsafe.Subtract(ref first, checked((int)start.TokenStartIndex)),
            checked((int)reader.BytesConsumed));
        var lastNewLine = consumed.LastIndexOf((byte)'\n');
        return (consumed.Count((byte)'\n'), consumed.Length - (lastNewLine + 1));
    }
}
