using System.Text;

namespace WebhookKit.Hmac;

/// <summary>
/// A parsed signed-content template such as <c>{timestamp}.{body}</c>: literal text and the placeholders
/// <c>{timestamp}</c> and <c>{id}</c>, ending with <c>{body}</c> (the raw body, exactly once, last).
/// </summary>
internal sealed class HmacSignedContent
{
    public const string Body = "{body}";
    public const string Timestamp = "{timestamp}";
    public const string Id = "{id}";

    private HmacSignedContent(Segment[] segments)
    {
        Segments = segments;
        UsesTimestamp = segments.Any(segment => segment.Kind == SegmentKind.Timestamp);
        UsesId = segments.Any(segment => segment.Kind == SegmentKind.Id);
    }

    public Segment[] Segments { get; }

    public bool UsesTimestamp { get; }

    public bool UsesId { get; }

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
