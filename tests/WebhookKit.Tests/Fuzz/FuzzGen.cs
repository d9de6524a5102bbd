using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace WebhookKit.Tests.Fuzz;

/// <summary>Generators and byte-level changes shared by the fuzz targets.</summary>
internal static class FuzzGen
{
    /// <summary>A secret of 16 to 48 printable ASCII characters (the minimum the options accept).</summary>
    public static readonly Gen<string> Secret = Gen.String[Gen.Char['!', '~'], 16, 48];

    /// <summary>Raw bodies: any bytes, empty included.</summary>
    public static readonly Gen<byte[]> Body = Gen.Byte.Array[0, 1024];

    /// <summary>Header-borne event ids.</summary>
    public static readonly Gen<string> Id = Gen.String[Gen.Char.AlphaNumeric, 1, 40];

    /// <summary>Any text without lone surrogates (so it round-trips through UTF-8), empty included.</summary>
    public static readonly Gen<string> Text = Gen.String[Gen.Char[(char)1, (char)0xD7FF], 0, 48];

    /// <summary>Non-empty text.</summary>
    public static readonly Gen<string> NonEmptyText = Gen.String[Gen.Char[(char)1, (char)0xD7FF], 1, 48];

    /// <summary>A signing time within the tolerance of the providers' fixed clock.</summary>
    public static readonly Gen<long> Timestamp = Gen.Long[FuzzSettings.Now - FuzzSettings.ToleranceSeconds, FuzzSettings.Now + FuzzSettings.ToleranceSeconds];

    /// <summary>Which change to make, and where: decoded by each target.</summary>
    public static readonly Gen<int> Choice = Gen.Int[0, int.MaxValue];

    /// <summary>
    /// Header values an attacker might send: random text, and values shaped like each provider's signatures, tokens and
    /// timestamps but holding random digests.
    /// </summary>
    public static readonly Gen<string> HostileValue = Gen.OneOf<string>(
        Text,
        Gen.String[Gen.Char['!', '~'], 0, 200],
        Gen.Byte.Array[0, 80].Select(bytes => "sha256=" + Convert.ToHexStringLower(bytes)),
        Gen.Byte.Array[0, 40].Select(bytes => "sha1=" + Convert.ToHexString(bytes)),
        Gen.Byte.Array[0, 40].Select(bytes => "v0=" + Convert.ToHexStringLower(bytes)),
        Gen.Byte.Array[0, 48].Select(bytes => "v1," + Convert.ToBase64String(bytes)),
        Gen.Byte.Array[0, 48].Select(Convert.ToBase64String),
        Gen.Byte.Array[0, 70].Select(Convert.ToHexStringLower),
        Gen.Select(Gen.Long, Gen.Byte.Array[0, 40], Gen.Int[0, 70], (t, bytes, count) =>
            $"t={t}," + string.Join(',', Enumerable.Repeat("v1=" + Convert.ToHexStringLower(bytes), count % 70))),
        Gen.Long.Select(value => value.ToString(CultureInfo.InvariantCulture)),
        Timestamp.Select(value => value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Random headers among <paramref name="names"/> (each absent, present or repeated) with hostile values.</summary>
    public static Gen<(string Name, string Value)[]> Headers(params string[] names) =>
        Gen.Select(HostileValue.Array[names.Length * 2], Gen.Int[0, 2].Array[names.Length], (values, presence) =>
            names.SelectMany((name, i) => Enumerable.Range(0, presence[i]).Select(copy => (name, values[(i * 2) + copy]))).ToArray());

    /// <summary>Content types, sensible and not.</summary>
    public static readonly Gen<string?> ContentType = Gen.OneOf<string?>(
        "application/json", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=utf-8", "text/plain", null, "garbage;;=", "application/json; charset=utf-8");

    /// <summary>Changes a body: flips one bit, inserts one byte or removes one byte. The result always differs.</summary>
    public static byte[] ChangeBody(byte[] body, int choice)
    {
        var position = choice / 3;
        switch (choice % 3)
        {
            case 0 when body.Length > 0:
                var flipped = (byte[])body.Clone();
                flipped[position % body.Length] ^= (byte)(1 << (position % 8));
                return flipped;
            case 1 when body.Length > 0:
                var at = position % body.Length;
                return [.. body.AsSpan(0, at), .. body.AsSpan(at + 1)];
            default:
                var insertAt = position % (body.Length + 1);
                return [.. body.AsSpan(0, insertAt), (byte)position, .. body.AsSpan(insertAt)];
        }
    }

    /// <summary>Flips one bit of a digest: the same encoding then carries a different signature.</summary>
    public static byte[] Flip(byte[] digest, int choice)
    {
        var copy = (byte[])digest.Clone();
        copy[choice % copy.Length] ^= (byte)(1 << ((choice / copy.Length) % 8));
        return copy;
    }

    /// <summary>Moves a signed timestamp by 1 to 5 seconds, staying within the tolerance, so only the signature can refuse it.</summary>
    public static long Shift(long timestamp, int choice)
    {
        var shifted = timestamp + 1 + (choice % 5);
        return shifted > FuzzSettings.Now + FuzzSettings.ToleranceSeconds ? timestamp - 1 - (choice % 5) : shifted;
    }

    /// <summary>A different secret of the same shape.</summary>
    public static string Other(string secret, int choice)
    {
        var chars = secret.ToCharArray();
        var at = choice % chars.Length;
        chars[at] = chars[at] == '~' ? '!' : (char)(chars[at] + 1);
        return new string(chars);
    }

    /// <summary>A JSON object of the given string properties, written by System.Text.Json (which escapes as it likes).</summary>
    public static byte[] Json(params (string Name, object Value)[] properties)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, properties);
        }

        return stream.ToArray();
    }

    public static string Ascii(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static void Write(Utf8JsonWriter writer, (string Name, object Value)[] properties)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            if (value is (string, object)[] nested)
            {
                writer.WritePropertyName(name);
                Write(writer, nested);
            }
            else
            {
                writer.WriteString(name, (string)value);
            }
        }

        writer.WriteEndObject();
    }
}
