using System.Text;

namespace WebhookKit.Hmac;

/// <summary>
/// A parsed signed-content template such as <c>{timestamp}.{body}</c>: literal text and the placeholders
/// <c>{timestamp}</c> and <c>{id}</c>, ending with <c>{body}</c> (the raw body, exactly once, last). Each placeholder is
/// followed by literal text, so that bytes cannot shift from one value to the next: the literal after
/// <c>{timestamp}</c> (digits only) may not start with a digit, and an id in which the literal after <c>{id}</c> could
/// start is refused when a delivery is read (<see cref="IsUnambiguousId"/>).
/// </summary>
internal sealed class HmacSignedContent
{
    public const string Body = "{body}";
    public const string Timestamp = "{timestamp}";
    public const string Id = "{id}";

    private HmacSignedContent(Segment[] segments)
    {
        Segments = segments;
        IdSeparators = [.. segments.Select((segment, i) => (segment, i))
            .Where(pair => pair.segment.Kind == SegmentKind.Id && pair.i + 1 < segments.Length)
            .Select(pair => System.Text.Encoding.UTF8.GetString(segments[pair.i + 1].Bytes))];
        UsesTimestamp = segments.Any(segment => segment.Kind == SegmentKind.Timestamp);
        UsesId = segments.Any(segment => segment.Kind == SegmentKind.Id);
    }

    public Segment[] Segments { get; }

    public bool UsesTimestamp { get; }

    public bool UsesId { get; }

    /// <summary>Gets the literal that follows each <c>{id}</c>.</summary>
    private string[] IdSeparators { get; }

    /// <summary>
    /// False when the literal that follows <c>{id}</c> could start inside <paramref name="id"/> (the id contains it, or
    /// ends with a part of it, as <c>a:</c> before <c>::</c>), which would let bytes move between the id and what follows.
    /// </summary>
    public bool IsUnambiguousId(string id)
    {
        foreach (var separator in IdSeparators)
        {
            if (string.Concat(id, separator.AsSpan(0, separator.Length - 1)).Contains(separator, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Parses a template; <paramref name="error"/> says what is wrong, without the template's text.</summary>
    public static bool TryParse(string template, out HmacSignedContent content, out string error)
    {
        content = new HmacSignedContent([]);
        if (!template.EndsWith(Body, StringComparison.Ordinal))
        {
            error = "it must end with '{body}'";
            return false;
        }

        var segments = new List<Segment>();
        var rest = template.AsSpan(0, template.Length - Body.Length);
        while (!rest.IsEmpty)
        {
            var open = rest.IndexOf('{');
            if (open < 0)
            {
                segments.Add(Segment.Literal(rest));
                break;
            }

            if (open > 0)
            {
                segments.Add(Segment.Literal(rest[..open]));
            }

            rest = rest[open..];
            if (rest.StartsWith(Timestamp, StringComparison.Ordinal))
            {
                segments.Add(new Segment(SegmentKind.Timestamp, []));
                rest = rest[Timestamp.Length..];
            }
            else if (rest.StartsWith(Id, StringComparison.Ordinal))
            {
                segments.Add(new Segment(SegmentKind.Id, []));
                rest = rest[Id.Length..];
            }
            else
            {
                error = "it may only contain the placeholders '{timestamp}' and '{id}' before a final '{body}'";
                return false;
            }
        }

        // Every placeholder needs a literal separator after it ({body} counts as the next placeholder).
        for (var i = 0; i < segments.Count; i++)
        {
            if (segments[i].Kind == SegmentKind.Literal)
            {
                continue;
            }

            if (i + 1 == segments.Count || segments[i + 1].Kind != SegmentKind.Literal)
            {
                error = "each '{timestamp}' and '{id}' must be followed by literal text (a separator such as '.') before the next placeholder or '{body}'";
                return false;
            }

            if (segments[i].Kind == SegmentKind.Timestamp && char.IsAsciiDigit((char)segments[i + 1].Bytes[0]))
            {
                error = "the text after '{timestamp}' must not start with a digit";
                return false;
            }
        }

        content = new HmacSignedContent([.. segments]);
        error = string.Empty;
        return true;
    }

    /// <summary>Gets the UTF-8 length of the content before the body.</summary>
    public int PrefixLength(string timestamp, string id)
    {
        var length = 0;
        foreach (var segment in Segments)
        {
            length += segment.Kind switch
            {
                SegmentKind.Timestamp => Encoding.UTF8.GetByteCount(timestamp),
                SegmentKind.Id => Encoding.UTF8.GetByteCount(id),
                _ => segment.Bytes.Length,
            };
        }

        return length;
    }

    /// <summary>Writes the content before the body; <paramref name="destination"/> holds at least <see cref="PrefixLength"/> bytes.</summary>
    public int WritePrefix(Span<byte> destination, string timestamp, string id)
    {
        var written = 0;
        foreach (var segment in Segments)
        {
            switch (segment.Kind)
            {
                case SegmentKind.Timestamp:
                    written += Encoding.UTF8.GetBytes(timestamp, destination[written..]);
                    break;
                case SegmentKind.Id:
                    written += Encoding.UTF8.GetBytes(id, destination[written..]);
                    break;
                default:
                    segment.Bytes.CopyTo(destination[written..]);
                    written += segment.Bytes.Length;
                    break;
            }
        }

        return written;
    }

    internal enum SegmentKind
    {
        Literal,
        Timestamp,
        Id,
    }

    internal sealed record Segment(SegmentKind Kind, byte[] Bytes)
    {
        public static Segment Literal(ReadOnlySpan<char> text) => new(SegmentKind.Literal, Encoding.UTF8.GetBytes(text.ToArray()));
    }
}
