using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace WebhookKit.Internal;

/// <summary>Extracts and percent-decodes one field of an <c>application/x-www-form-urlencoded</c> body.</summary>
internal static class FormPayloadReader
{
    public static bool TryReadField(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name, out byte[] value)
    {
        value = [];
        foreach (var range in body.Split((byte)'&'))
        {
            var pair = body[range];
            var equals = pair.IndexOf((byte)'=');
            var key = equals < 0 ? pair : pair[..equals];
            if (!key.SequenceEqual(name))
            {
                continue;
            }

            return equals >= 0 && TryDecode(pair[(equals + 1)..], out value);
        }

        return false;
    }

    /// <summary>
    /// Decodes every field of a form body, in order (a name without <c>=</c> has an empty value). False when a name or
    /// value is not valid percent-encoding or not valid UTF-8 once decoded.
    /// </summary>
    public static bool TryReadAll(ReadOnlySpan<byte> body, out List<KeyValuePair<string, string>> fields)
    {
        fields = [];
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
                    return false;
                }

                fields.Add(new(name, value));
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

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

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
