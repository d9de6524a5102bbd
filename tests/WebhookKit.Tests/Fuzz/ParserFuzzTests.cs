using System.Text;
using System.Text.Json;
using CsCheck;
using WebhookKit.Hmac;
using WebhookKit.Internal;
using WebhookKit.Receiving;
using WebhookKit.Slack;
using WebhookKit.Verification;
using Xunit.Abstractions;

namespace WebhookKit.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the receive path's parsers, <see cref="FuzzSettings.Iterations"/> cases per property: they
/// never throw on any input, and on well-formed input they agree with a reference (System.Text.Json, the framework's
/// decoders, a straightforward form encoder).
/// </summary>
[Trait(FuzzSettings.Category, FuzzSettings.Fuzz)]
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private static readonly JsonDocumentOptions ReferenceOptions = new() { MaxDepth = 64 };

    private static readonly Gen<JsonValueSpec> Leaf = Gen.OneOf(
        FuzzGen.Text.Select(JsonValueSpec.String),
        Gen.Long.Select(number => JsonValueSpec.Number(number.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Double[-1e6, 1e6].Select(number => JsonValueSpec.Number(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        Gen.OneOf(JsonValueSpec.Literal("true"), JsonValueSpec.Literal("false"), JsonValueSpec.Literal("null")));

    /// <summary>Random JSON values up to a few levels deep, with property names that collide with the ones looked for.</summary>
    private static readonly Gen<JsonValueSpec> Value = Gen.Recursive<JsonValueSpec>((depth, inner) => depth >= 4
        ? Leaf
        : Gen.Frequency(
            (3, Leaf),
            (1, Gen.Select(Gen.OneOf("id", "type", "event", "event_id", "x", "Id", "\u00e9"), inner, (name, value) => (name, value)).Array[0, 5].Select(JsonValueSpec.Object)),
            (1, inner.Array[0, 4].Select(JsonValueSpec.Array))));

    private static readonly Gen<byte[]> JsonObjects = Gen.Select(Gen.OneOf("id", "type", "event", "event_id", "challenge", "data", "x"), Value, (name, value) => (name, value)).Array[0, 8]
        .Select(properties => Encoding.UTF8.GetBytes(JsonValueSpec.Object(properties).ToJson()));

    [Fact]
    public void TopLevelJsonScanner_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 512].Sample(
            bytes =>
            {
                TopLevelJsonScanner.TryReadStrings(bytes, "id"u8, "type"u8, out _, out _);
                TopLevelJsonScanner.TryReadValues(bytes, "id"u8, "type"u8, acceptNumbers: true, out _, out _);
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void TopLevelJsonScanner_ChangedJson_NeverThrowsAndNeverReadsWhatTheReferenceRefuses()
    {
        Gen.Select(JsonObjects, FuzzGen.Choice, (json, choice) => FuzzGen.ChangeBody(json, choice)).Sample(
            bytes =>
            {
                var scanned = TopLevelJsonScanner.TryReadValues(bytes, "id"u8, "type"u8, acceptNumbers: true, out var id, out var type);
                var reference = Reference(bytes, "id", "type", acceptNumbers: true);
                scanned.Should().Be(reference.Parsed, "the scanner accepts exactly the well-formed JSON objects");
                if (scanned)
                {
                    (id, type).Should().Be((reference.First, reference.Second));
                }
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void TopLevelJsonScanner_WellFormedObjects_AgreeWithSystemTextJson()
    {
        Gen.Select(JsonObjects, Gen.Bool).Sample(
            (json, acceptNumbers) =>
            {
                var scanned = TopLevelJsonScanner.TryReadValues(json, "id"u8, "type"u8, acceptNumbers, out var id, out var type);
                var reference = Reference(json, "id", "type", acceptNumbers);

                scanned.Should().Be(reference.Parsed, Encoding.UTF8.GetString(json));
                (id, type).Should().Be((reference.First, reference.Second), Encoding.UTF8.GetString(json));
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void SlackPayloadScanner_RandomAndChangedInput_NeverThrowsAndAgreesWithSystemTextJson()
    {
        Gen.Select(JsonObjects, FuzzGen.Choice, Gen.Bool, (json, choice, change) => change ? FuzzGen.ChangeBody(json, choice) : json).Sample(
            bytes =>
            {
                var scanned = SlackPayloadScanner.TryScan(bytes, out var fields);
                var envelope = Reference(bytes, "type", "event_id", acceptNumbers: false);
                scanned.Should().Be(envelope.Parsed && SlackFieldsDecode(bytes) && SlackFieldsUnique(bytes), Encoding.UTF8.GetString(bytes));
                if (scanned)
                {
                    (fields.Type, fields.EventId).Should().Be((envelope.First, envelope.Second));
                    fields.Challenge.Should().Be(Reference(bytes, "challenge", "challenge", acceptNumbers: false).First);
                    fields.EventType.Should().Be(InnerEventType(bytes));
                }
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void FormPayloadReader_RandomBytes_NeverThrows()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.OneOf("%", "%4", "%zz", "+", "&", "=", "payload=", "%FF", "%C3%28", string.Empty).Array[0, 6], (bytes, fragments) =>
            bytes.Concat(Encoding.ASCII.GetBytes(string.Concat(fragments))).ToArray()).Sample(
            bytes =>
            {
                FormPayloadReader.TryReadField(bytes, "payload"u8, FormPayloadReader.DefaultMaxFields, out _);
                if (FormPayloadReader.TryReadAll(bytes, FormPayloadReader.DefaultMaxFields, out var fields) == FormReadStatus.Read)
                {
                    JsonDocument.Parse(FormPayloadReader.ToJson(fields)).Dispose();
                }
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void FormPayloadReader_EncodedFields_RoundTrip()
    {
        var fields = Gen.Select(Gen.OneOf(FuzzGen.Text, Gen.Const("payload")), FuzzGen.Text, (name, value) => new KeyValuePair<string, string>(name, value)).Array[0, 10];
        Gen.Select(fields, Gen.Bool).Sample(
            (expected, plusForSpace) =>
            {
                var body = Encoding.ASCII.GetBytes(string.Join('&', expected.Select(field => Encode(field.Key, plusForSpace) + "=" + Encode(field.Value, plusForSpace))));

                FormPayloadReader.TryReadAll(body, FormPayloadReader.DefaultMaxFields, out var decoded).Should().Be(FormReadStatus.Read);
                decoded.Should().Equal(expected);

                var payloads = expected.Count(field => field.Key == "payload");
                var payload = expected.FirstOrDefault(field => field.Key == "payload");
                var status = FormPayloadReader.TryReadField(body, "payload"u8, FormPayloadReader.DefaultMaxFields, out var value);
                var found = status == FormReadStatus.Read;
                status.Should().Be(payloads > 1 ? FormReadStatus.Repeated : payloads == 1 && payload.Value.Length > 0 ? FormReadStatus.Read : FormReadStatus.Missing);
                if (found)
                {
                    Encoding.UTF8.GetString(value).Should().Be(payload.Value);
                }
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void SignatureMath_DecodeHexAndBase64_NeverThrowAndAgreeWithConvert()
    {
        var text = Gen.OneOf(
            FuzzGen.Text,
            Gen.Byte.Array[0, 70].Select(Convert.ToHexString),
            Gen.Byte.Array[0, 70].Select(Convert.ToHexStringLower),
            Gen.Byte.Array[0, 70].Select(Convert.ToBase64String),
            Gen.String[Gen.Char["0123456789abcdefABCDEF+/=xz "], 0, 130]);
        Gen.Select(text, Gen.OneOf(20, 32, 64)).Sample(
            (value, length) =>
            {
                var hex = new byte[length];
                if (SignatureMath.TryDecodeHex(value, hex))
                {
                    hex.Should().Equal(Convert.FromHexString(value));
                }

                var base64 = new byte[length];
                if (SignatureMath.TryDecodeBase64(value, base64))
                {
                    base64.Should().Equal(Convert.FromBase64String(value));
                }
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    [Fact]
    public void ConfigurationParsers_RandomText_NeverThrow()
    {
        var text = Gen.OneOf(
            FuzzGen.Text,
            Gen.String[Gen.Char["{}timestampidbody.:/0123456789abcdef"], 0, 60],
            Gen.Select(Gen.Byte.Array[4], Gen.Int[-5, 140], (address, prefix) => $"{string.Join('.', address)}/{prefix}"),
            Gen.Select(Gen.Byte.Array[16], Gen.Int[-5, 140], (address, prefix) => $"{new System.Net.IPAddress(address)}/{prefix}"),
            Gen.Byte.Array[0, 40].Select(bytes => "whsec_" + Convert.ToBase64String(bytes)));
        text.Sample(
            value =>
            {
                _ = HmacSignedContent.TryParse(value, out _, out _);
                _ = WebhookReceiverGuard.TryParseNetwork(value, out _);
                _ = StandardWebhooksSignature.TryDecodeSecret(value, out _);
            },
            iter: FuzzSettings.Iterations,
            writeLine: output.WriteLine);
    }

    /// <summary>
    /// The scanners' contract, through JsonDocument: a JSON object in valid UTF-8 (RFC 8259 §8.1; JsonDocument itself only
    /// checks the strings it decodes), and the first top-level property of each name with an accepted value kind.
    /// </summary>
    private static (bool Parsed, string? First, string? Second) Reference(byte[] json, string firstName, string secondName, bool acceptNumbers)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return (false, null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(json, ReferenceOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (false, null, null);
            }

            // A name looked for that appears twice is refused: the scan would take the first, a model the last.
            var names = document.RootElement.EnumerateObject().Select(property => property.Name).ToList();
            if (names.Count(name => name == firstName) > 1 || names.Count(name => name == secondName) > 1)
            {
                return (false, null, null);
            }

            return (true, Find(firstName), Find(secondName));

            string? Find(string name) => document.RootElement.EnumerateObject()
                .Where(property => property.Name == name)
                .Select(property => property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Number when acceptNumbers => property.Value.GetRawText(),
                    _ => null,
                })
                .FirstOrDefault(value => value is not null);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            return (false, null, null);
        }
    }

    /// <summary>The first string <c>type</c> of any top-level <c>event</c> object.</summary>
    /// <summary>
    /// Whether every string the Slack scanner decodes is valid UTF-16 once unescaped (a lone surrogate such as
    /// <c>\uDA89</c> is well-formed JSON but not a string): each top-level <c>type</c>, <c>event_id</c> and
    /// <c>challenge</c>, and in each <c>event</c> object its first string <c>type</c>. The scanner refuses a body
    /// where one of them is not, as the top-level scanner does for the id and type it reads.
    /// </summary>
    private static bool SlackFieldsDecode(byte[] json)
    {
        using var document = JsonDocument.Parse(json, ReferenceOptions);
        try
        {
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name is "type" or "event_id" or "challenge" && property.Value.ValueKind == JsonValueKind.String)
                {
                    _ = property.Value.GetString();
                }
                else if (property.Name == "event" && property.Value.ValueKind == JsonValueKind.Object)
                {
                    _ = property.Value.EnumerateObject()
                        .Where(inner => inner.Name == "type" && inner.Value.ValueKind == JsonValueKind.String)
                        .Select(inner => inner.Value.GetString())
                        .FirstOrDefault();
                }
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Whether each top-level <c>type</c>, <c>event_id</c>, <c>challenge</c> and <c>event</c>, and each <c>type</c> of an <c>event</c> object, appears at most once.</summary>
    private static bool SlackFieldsUnique(byte[] json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(json))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(json, ReferenceOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            var top = document.RootElement.EnumerateObject().ToList();
            return new[] { "type", "event_id", "challenge", "event" }.All(name => top.Count(property => property.Name == name) <= 1)
                && top.Where(property => property.Name == "event" && property.Value.ValueKind == JsonValueKind.Object)
                    .All(property => property.Value.EnumerateObject().Count(inner => inner.Name == "type") <= 1);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static string? InnerEventType(byte[] json)
    {
        using var document = JsonDocument.Parse(json, ReferenceOptions);
        return document.RootElement.EnumerateObject()
            .Where(property => property.Name == "event" && property.Value.ValueKind == JsonValueKind.Object)
            .SelectMany(property => property.Value.EnumerateObject())
            .Where(property => property.Name == "type" && property.Value.ValueKind == JsonValueKind.String)
            .Select(property => property.Value.GetString())
            .FirstOrDefault();
    }

    private static string Encode(string text, bool plusForSpace)
    {
        var escaped = Uri.EscapeDataString(text);
        return plusForSpace ? escaped.Replace("%20", "+", StringComparison.Ordinal) : escaped;
    }

    /// <summary>A JSON value to write: object, array, string, number text or literal.</summary>
    private sealed record JsonValueSpec(char Kind, string? Text, JsonValueSpec[]? Items, (string Name, JsonValueSpec Value)[]? Properties)
    {
        public static JsonValueSpec String(string text) => new('s', text, null, null);

        public static JsonValueSpec Number(string text) => new('n', text, null, null);

        public static JsonValueSpec Literal(string text) => new('l', text, null, null);

        public static JsonValueSpec Array(JsonValueSpec[] items) => new('a', null, items, null);

        public static JsonValueSpec Object((string Name, JsonValueSpec Value)[] properties) => new('o', null, null, properties);

        public string ToJson()
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                Write(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }

        private void Write(Utf8JsonWriter writer)
        {
            switch (Kind)
            {
                case 's':
                    writer.WriteStringValue(Text);
                    break;
                case 'n':
                case 'l':
                    writer.WriteRawValue(Text!);
                    break;
                case 'a':
                    writer.WriteStartArray();
                    foreach (var item in Items!)
                    {
                        item.Write(writer);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteStartObject();
                    foreach (var (name, value) in Properties!)
                    {
                        writer.WritePropertyName(name);
                        value.Write(writer);
                    }

                    writer.WriteEndObject();
                    break;
            }
        }
    }
}
