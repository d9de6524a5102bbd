using System.Text;
using System.Text.Json;

namespace WebhookKit.Tests.BuiltInModels;

/// <summary>
/// Documents made from a real payload to tell two deserializations apart: the properties reordered, unknown properties
/// of every shape added, names escaped, every property a model reads set to <c>null</c>, to values of other types and
/// other number forms, repeated, and the document truncated; plus top-level values that are not an object.
/// </summary>
internal static class JsonMutations
{
    // What a property's value is replaced with: null, each token type, numbers in other forms and out of range,
    // dates and not-dates, escapes, and a string that is not valid UTF-8.
    private static readonly byte[][] Replacements =
    [
        .. new[]
        {
            "null", "\"x\"", "\"\"", "0", "-1", "1.5", "1e2", "1.0", "-0", "2147483648", "9223372036854775808", "true", "false",
            "{}", "[]", "[\"a\",null]", "[1]", "[{}]", "{\"id\":1}", "\"2024-01-01T00:00:00Z\"", "\"2024-01-01\"",
            "\"1644884865\"", "\"\\u0041\\n\\\"\"",
        }.Select(Encoding.UTF8.GetBytes),
        [(byte)'"', 0xFF, (byte)'"'],
    ];

    // Unknown properties of every shape, inserted first and last in every object.
    private static readonly string[] UnknownMembers =
    [
        "\"zz_unknown\":\"x\"", "\"zz_unknown\":-1.5e3", "\"zz_unknown\":null", "\"zz_unknown\":{\"a\":[1,{\"b\":null}],\"id\":\"x\"}",
        "\"zz_unknown\":[[],{},\"\",true]", "\"zz.odd 'name'\":[1]", "\"\":{}",
    ];

    /// <summary>Top-level values System.Text.Json refuses for a model, or reads as <c>null</c> or an empty model.</summary>
    public static IEnumerable<(string Description, byte[] Json)> TopLevel() =>
        new[] { "", " ", "null", "[]", "[{}]", "1", "\"x\"", "true", "{}", " {} ", "{} {}", "{}x", "{", "}", "{\"a\":}", "{,}", "{\"a\":1,}", "\u00EF\u00BB\u00BF{}" }
            .Select(text => ($"top level '{text}'", Encoding.UTF8.GetBytes(text)));

    /// <summary>Every document made from <paramref name="json"/>; <paramref name="knownNames"/> are the JSON names the models read.</summary>
    public static IEnumerable<(string Description, byte[] Json)> Of(byte[] json, IReadOnlySet<string> knownNames)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        yield return ("reordered", Write(root, new Mutation { Reverse = true }));
        foreach (var member in UnknownMembers)
        {
            yield return ($"unknown {member}", Write(root, new Mutation { Insert = member }));
        }

        yield return ("every name escaped", Write(root, new Mutation { Name = static name => EscapeAll(name) }));
        yield return ("first letter of every name escaped", Write(root, new Mutation { Name = static name => EscapeFirst(name) }));

        foreach (var target in Targets(root, knownNames))
        {
            foreach (var replacement in Replacements)
            {
                yield return ($"{target} = {Encoding.UTF8.GetString(replacement)}", Write(root, new Mutation { Target = target, Replacement = replacement }));
            }

            yield return ($"{target} then null", Write(root, new Mutation { Target = target, Replacement = "null"u8.ToArray(), Duplicate = Duplicate.ReplacementLast }));
            yield return ($"null then {target}", Write(root, new Mutation { Target = target, Replacement = "null"u8.ToArray(), Duplicate = Duplicate.ReplacementFirst }));
        }

        var compact = Write(root, new Mutation());
        foreach (var source in new[] { compact, json })
        {
            var step = Math.Max(1, source.Length / 120);
            for (var length = 0; length < source.Length; length += step)
            {
                yield return ($"truncated at {length} of {source.Length}", source[..length]);
            }

            yield return ($"truncated at {source.Length - 1} of {source.Length}", source[..^1]);
        }
    }

    // The first occurrence of each property the models read, by its place in the document (array indices left out).
    private static List<string> Targets(JsonElement root, IReadOnlySet<string> knownNames)
    {
        var targets = new List<string>();
        var shapes = new HashSet<string>(StringComparer.Ordinal);
        Visit(root, "$", "$");
        return targets;

        void Visit(JsonElement element, string path, string shape)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    var memberPath = $"{path}.{property.Name}";
                    var memberShape = $"{shape}.{property.Name}";
                    if (knownNames.Contains(property.Name) && shapes.Add(memberShape))
                    {
                        targets.Add(memberPath);
                    }

                    Visit(property.Value, memberPath, memberShape);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Visit(item, $"{path}[{index++}]", $"{shape}[]");
                }
            }
        }
    }

    private static byte[] Write(JsonElement root, Mutation mutation)
    {
        var output = new MemoryStream();
        Write(output, root, "$", mutation);
        return output.ToArray();
    }

    private static void Write(MemoryStream output, JsonElement element, string path, Mutation mutation)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                output.WriteByte((byte)'{');
                var members = element.EnumerateObject().ToList();
                if (mutation.Reverse)
                {
                    members.Reverse();
                }

                var first = true;
                if (mutation.Insert is { } inserted)
                {
                    Text(output, inserted);
                    first = false;
                }

                foreach (var member in members)
                {
                    var memberPath = $"{path}.{member.Name}";
                    var replaced = memberPath == mutation.Target;
                    if (replaced && mutation.Duplicate == Duplicate.ReplacementFirst)
                    {
                        Member(output, ref first, member.Name, mutation, () => output.Write(mutation.Replacement));
                    }

                    Member(output, ref first, member.Name, mutation, () =>
                    {
                        if (replaced && mutation.Duplicate == Duplicate.None)
                        {
                            output.Write(mutation.Replacement);
                        }
                        else
                        {
                            Write(output, member.Value, memberPath, mutation);
                        }
                    });
                    if (replaced && mutation.Duplicate == Duplicate.ReplacementLast)
                    {
                        Member(output, ref first, member.Name, mutation, () => output.Write(mutation.Replacement));
                    }
                }

                if (mutation.Insert is { } last)
                {
                    Text(output, (first ? "" : ",") + last);
                }

                output.WriteByte((byte)'}');
                break;
            case JsonValueKind.Array:
                output.WriteByte((byte)'[');
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (index > 0)
                    {
                        output.WriteByte((byte)',');
                    }

                    Write(output, item, $"{path}[{index++}]", mutation);
                }

                output.WriteByte((byte)']');
                break;
            default:
                Text(output, element.GetRawText());
                break;
        }
    }

    private static void Member(MemoryStream output, ref bool first, string name, Mutation mutation, Action value)
    {
        if (!first)
        {
            output.WriteByte((byte)',');
        }

        first = false;
        Text(output, mutation.Name?.Invoke(name) ?? $"\"{JsonEncodedText.Encode(name)}\"");
        output.WriteByte((byte)':');
        value();
    }

    private static void Text(MemoryStream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));

    private static string EscapeAll(string name) => "\"" + string.Concat(name.Select(static c => $"\\u{(int)c:x4}")) + "\"";

    private static string EscapeFirst(string name) =>
        name.Length == 0 ? "\"\"" : $"\"\\u{(int)name[0]:X4}{JsonEncodedText.Encode(name[1..])}\"";

    private enum Duplicate
    {
        None,
        ReplacementFirst,
        ReplacementLast,
    }

    private sealed class Mutation
    {
        public bool Reverse { get; init; }

        public Func<string, string>? Name { get; init; }

        public string? Insert { get; init; }

        public string? Target { get; init; }

        public byte[] Replacement { get; init; } = [];

        public Duplicate Duplicate { get; init; }
    }
}
