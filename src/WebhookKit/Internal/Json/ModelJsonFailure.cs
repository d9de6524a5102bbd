using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WebhookKit.Internal.Json;

/// <summary>
/// Gives a built-in model's <see cref="JsonException"/> the path, line and byte System.Text.Json's own contract gives
/// it (the dispatcher logs them with a dead letter), though System.Text.Json sees the hand-written reader as one value.
/// </summary>
/// <remarks>
/// Nothing is tracked while reading: only once something has thrown does <see cref="WithPath"/> read the document
/// again from the model's first token to where the reader failed, following the model's generated contract, and
/// name the place as System.Text.Json does: a property from when its name is read until its value has been (an
/// unknown property's value, or a value System.Text.Json reads whole such as raw JSON, is not entered), an array item
/// by the number of items read before it. A reader failure keeps the reader's line and byte; any other failure gets
/// those of the reader's position.
/// </remarks>
internal static class ModelJsonFailure
{
    // The characters for which System.Text.Json writes a property as ['name'] rather than .name.
    private static readonly SearchValues<char> BracketedNameCharacters = SearchValues.Create(".'[]() \t\n\r");

    // System.Text.Json's own rethrowable exceptions (a string that is not valid UTF-8, a number out of range).
    private const string RethrowableSource = "System.Text.Json.Rethrowable";

    /// <summary>Whether System.Text.Json would report <paramref name="exception"/> as a <see cref="JsonException"/>.</summary>
    public static bool IsModelFailure(Exception exception) => exception switch
    {
        JsonException json => json.Path is null,
        InvalidOperationException or FormatException => exception.Source == RethrowableSource,
        _ => false,
    };

    /// <summary>
    /// The <see cref="JsonException"/> to throw for <paramref name="exception"/>, caught with <paramref name="reader"/>
    /// where it failed; <paramref name="start"/> is a copy of the reader on the model's first token, and
    /// <paramref name="contract"/> the model's generated contract.
    /// </summary>
    public static JsonException WithPath(Exception exception, Utf8JsonReader start, in Utf8JsonReader reader, JsonTypeInfo contract)
    {
        var isReaderFailure = exception is JsonException { LineNumber: not null };
        var origin = start;
        var path = Path(ref start, reader.BytesConsumed, contract, valueInProgress: !isReaderFailure);
        var (line, byteInLine) = isReaderFailure
            ? (((JsonException)exception).LineNumber, ((JsonException)exception).BytePositionInLine)
            : Position(origin, reader);

        // As System.Text.Json words it: the message, then where.
        var message = exception.Message;
        var at = message.LastIndexOf(" LineNumber: ", StringComparison.Ordinal);
        message = at >= 0
            ? $"{message[..at]} Path: {path} |{message[at..]}"
            : $"{message} Path: {path} | LineNumber: {line} | BytePositionInLine: {byteInLine}.";
        return new JsonException(message, path, line, byteInLine, exception);
    }

    // Reads from the model's first token until the reader has consumed what the failed one had, keeping a frame per
    // object or array entered as the contract says System.Text.Json enters them. valueInProgress: the failure was in
    // converting the token last read (not in reading the next one), so a property whose value that token is still counts.
    private static string Path(ref Utf8JsonReader reader, long failedAt, JsonTypeInfo contract, bool valueInProgress)
    {
        // The reader is on the model's first token: inside its object, if it is one.
        var frames = new List<Frame> { new(contract, IsArray: false) };
        try
        {
            while (reader.BytesConsumed < failedAt)
            {
                var frame = frames[^1];
                if (!reader.Read())
                {
                    break;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frame.Property = reader.GetString();
                        frame.Value = Property(frame.Contract, frame.Property!);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        if (frames.Count > 0)
                        {
                            ValueRead(frames[^1], reader.BytesConsumed < failedAt || !valueInProgress);
                        }

                        break;
                    default:
                        var entered = Entered(frame, reader.TokenType);
                        if (entered is not null)
                        {
                            frames.Add(entered);
                        }
                        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                        {
                            // A value System.Text.Json does not enter (unknown, raw JSON, a converter's): step over it whole
                            // when it ends before the failure, else the failure is inside it.
                            var copy = reader;
                            if (copy.TrySkip() && copy.BytesConsumed <= failedAt)
                            {
                                reader = copy;
                                ValueRead(frame, reader.BytesConsumed < failedAt || !valueInProgress);
                            }
                            else
                            {
                                return Format(frames);
                            }
                        }
                        else
                        {
                            ValueRead(frame, reader.BytesConsumed < failedAt || !valueInProgress);
                        }

                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The failure itself: the frames say where it was.
        }

        return Format(frames);
    }

    // The frame a value starts, if System.Text.Json enters it: an object or array of the contract's.
    private static Frame? Entered(Frame frame, JsonTokenType token)
    {
        var contract = frame.IsArray ? frame.Contract.ElementType is { } element ? frame.Contract.Options.GetTypeInfo(element) : null : frame.Value;
        return contract?.Kind switch
        {
            JsonTypeInfoKind.Object when token == JsonTokenType.StartObject => new Frame(contract, IsArray: false),
            JsonTypeInfoKind.Enumerable when token == JsonTokenType.StartArray => new Frame(contract, IsArray: true),
            _ => null,
        };
    }

    // A value of the frame's is read: a property ends, an array has one more item. Not when it is the value that failed.
    private static void ValueRead(Frame frame, bool completed)
    {
        if (!completed)
        {
            return;
        }

        if (frame.IsArray)
        {
            frame.Depth++;
        }
        else
        {
            frame.Property = null;
            frame.Value = null;
        }
    }

    private static JsonTypeInfo? Property(JsonTypeInfo contract, string name)
    {
        foreach (var property in contract.Properties)
        {
            if (property.Name == name && property.Set is not null)
            {
                return property.CustomConverter is null ? contract.Options.GetTypeInfo(property.PropertyType) : null;
            }
        }

        return null;
    }

    private static string Format(List<Frame> frames)
    {
        var path = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.IsArray)
            {
                path.Append(CultureInfo.InvariantCulture, $"[{frame.Depth}]");
            }
            else if (frame.Property is { } name)
            {
                // System.Text.Json's form: .name, or ['name'] when a character would make the dotted form ambiguous.
                path.Append(name.AsSpan().ContainsAny(BracketedNameCharacters) || name.Length == 0
                    ? $"['{name.Replace("'", "\\'", StringComparison.Ordinal)}']"
                    : "." + name);
            }
        }

        return path.ToString();
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

    // An object (Property: the one being read, Value: its contract if System.Text.Json enters it) or an array (Depth:
    // the items read).
    private sealed record Frame(JsonTypeInfo Contract, bool IsArray)
    {
        public string? Property { get; set; }

        public JsonTypeInfo? Value { get; set; }

        public int Depth { get; set; }
    }
}
