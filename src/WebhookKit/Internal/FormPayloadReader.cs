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
