using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace WebhookKit.Internal;

/// <summary>
/// Extracts and percent-decodes the fields of an <c>application/x-www-form-urlencoded</c> body. Every read first counts
/// the fields (the <c>&amp;</c>-separated parts of the body, empty ones included) in one vectorized pass that allocates
/// nothing, and refuses a body with more than the caller's limit before it decodes, sorts or copies anything.
/// </summary>
internal static class FormPayloadReader
{
    /// <summary>The default limit on the fields of a form body, as ASP.NET Core's <c>FormOptions.ValueCountLimit</c>.</summary>
    public const int DefaultMaxFields = 1000;

    /// <summary>
    /// Keeps the first value of a field that identifies an event; true when the field was already there, so that a
    /// body repeating it is refused rather than read one way by the key and another by the model.
    /// </summary>
    public static bool TakeFirst(ref string? field, string value)
    {
        if (field is not null)
        {
            return true;
        }

        field = value;
        return false;
    }

    /// <summary>True when <paramref name="body"/> has more than <paramref name="maxFields"/> fields; decodes nothing.</summary>
    public static bool HasTooManyFields(ReadOnlySpan<byte> body, int maxFields) => body.Count((byte)'&') >= maxFields;

    /// <summary>
    /// Reads the one field named <paramref name="name"/> (compared once percent-decoded, so <c>pay%6Coad</c> is
    /// <c>payload</c> too). <see cref="FormReadStatus.Repeated"/> when two fields have that name, since the sender and
    /// the handler could then see different ones.
    /// </summary>
    public static FormReadStatus TryReadField(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name, int maxFields, out byte[] value)
    {
        value = [];
        if (HasTooManyFields(body, maxFields))
        {
            return FormReadStatus.TooManyFields;
        }

        ReadOnlySpan<byte> found = default;
        var seen = false;
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            var equals = pair.IndexOf((byte)'=');
            var key = equals < 0 ? pair : pair[..equals];
            if (!DecodedEquals(key, name))
            {
                continue;
            }

            if (seen)
            {
                return FormReadStatus.Repeated;
            }

            seen = true;
            found = equals < 0 ? default : pair[(equals + 1)..];
        }

        if (!seen || found.IsEmpty)
        {
            return FormReadStatus.Missing;
        }

        return TryDecode(found, out value) ? FormReadStatus.Read : FormReadStatus.Invalid;
    }

    /// <summary>
    /// Decodes every field of a form body, in order (a name without <c>=</c> has an empty value; empty parts are
    /// skipped). <see cref="FormReadStatus.Invalid"/> when a name or value is not valid percent-encoding or not valid
    /// UTF-8 once decoded. Repeated names are kept: callers refuse the ones that carry identity.
    /// </summary>
    public static FormReadStatus TryReadAll(ReadOnlySpan<byte> body, int maxFields, out List<KeyValuePair<string, string>> fields)
    {
        fields = [];
        if (HasTooManyFields(body, maxFields))
        {
            return FormReadStatus.TooManyFields;
        }

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length, 1));
        try
        {
            foreach (var range in body.Split((byte)'&'))
            {
                var pair = body[range];
                if (pair.IsEmpty)
                {
                    continue;
                }

                var equals = pair.IndexOf((byte)'=');
                var encodedName = equals < 0 ? pair : pair[..equals];
                var encodedValue = equals < 0 ? [] : pair[(equals + 1)..];
                if (!TryDecodeString(encodedName, rented, out var name) || !TryDecodeString(encodedValue, rented, out var value))
                {
                    fields = [];
                    return FormReadStatus.Invalid;
                }

                fields.Add(new(name, value));
            }

            return FormReadStatus.Read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The validation error of a receiver's <c>MaxFormFields</c>, or <see langword="null"/> when it is valid.</summary>
    public static string? ValidateMaxFields(int maxFields, string receiverName, string configurationKey) =>
        maxFields is > 0 and <= 1_000_000
            ? null
            : $"Webhook receiver '{receiverName}' has an invalid '{configurationKey}:MaxFormFields': it must be between 1 and 1000000 (the default is {DefaultMaxFields}).";

    /// <summary>Writes decoded form fields as a flat JSON object of strings, in order, for handlers' payload models.</summary>
    public static byte[] ToJson(List<KeyValuePair<string, string>> fields)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static bool TryDecodeString(ReadOnlySpan<byte> encoded, byte[] scratch, out string decoded)
    {
        decoded = string.Empty;
        var written = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'+')
            {
                scratch[written++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= encoded.Length || !IsHex(encoded[i + 1]) || !IsHex(encoded[i + 2]))
                {
                    return false;
                }

                scratch[written++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }
            else
            {
                scratch[written++] = b;
            }
        }

        var bytes = scratch.AsSpan(0, written);
        if (!Utf8.IsValid(bytes))
        {
            return false;
        }

        decoded = Encoding.UTF8.GetString(bytes);
        return true;
    }

    private static bool TryDecode(ReadOnlySpan<byte> encoded, out byte[] decoded)
    {
        var buffer = new byte[encoded.Length];
        var written = 0;
        for (var i = 0; i < encoded.Length; i++)
        {
            var b = encoded[i];
            if (b == (byte)'+')
            {
                buffer[written++] = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= encoded.Length || !IsHex(encoded[i + 1]) || !IsHex(encoded[i + 2]))
                {
                    decoded = [];
                    return false;
                }

                buffer[written++] = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }
            else
            {
                buffer[written++] = b;
            }
        }

        decoded = written == buffer.Length ? buffer : buffer.AsSpan(0, written).ToArray();
        return written > 0;
    }

    /// <summary>Whether the percent-encoded <paramref name="encoded"/> decodes to <paramref name="expected"/>, without allocating.</summary>
    private static bool DecodedEquals(ReadOnlySpan<byte> encoded, ReadOnlySpan<byte> expected)
    {
        var j = 0;
        for (var i = 0; i < encoded.Length; i++, j++)
        {
            var b = encoded[i];
            if (b == (byte)'+')
            {
                b = (byte)' ';
            }
            else if (b == (byte)'%')
            {
                if (i + 2 >= encoded.Length || !IsHex(encoded[i + 1]) || !IsHex(encoded[i + 2]))
                {
                    return false;
                }

                b = (byte)((HexValue(encoded[i + 1]) << 4) | HexValue(encoded[i + 2]));
                i += 2;
            }

            if (j >= expected.Length || expected[j] != b)
            {
                return false;
            }
        }

        return j == expected.Length;
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
