using System.Text;
using System.Text.Json;
using WebhookKit.Internal;

namespace WebhookKit.Mailgun;

/// <summary>
/// Reads what Mailgun puts in the body: the signature block, before verification (bounded: the body is already at most
/// <c>MaxBodyBytes</c>, the fields are copied into fixed stack buffers, nothing is allocated), and where the event type
/// is. JSON webhooks: <c>{"signature":{"timestamp","token","signature"},"event-data":{"event",…}}</c>; form posts
/// (routes, legacy webhooks): the fields <c>timestamp</c>, <c>token</c>, <c>signature</c>. A repeated signature field
/// is refused, since the verified value and the one a handler sees could differ.
/// </summary>
internal static class MailgunBodyReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// One pass over a JSON body: the signature block into <paramref name="fields"/> (each span shortened to what was
    /// written), and the position of <c>event-data.event</c> (a string token, quotes included) for after verification.
    /// <paramref name="eventType"/> is empty when absent; <paramref name="eventTypeRepeated"/> is true when
    /// <c>event-data</c> or its <c>event</c> is repeated.
    /// </summary>
    public static MailgunSignatureReadStatus ReadJson(ReadOnlySpan<byte> body, ref MailgunSignatureFields fields, out Range eventType, out bool eventTypeRepeated)
    {
        eventType = default;
        eventTypeRepeated = false;
        try
        {
            var reader = new Utf8JsonReader(body, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return MailgunSignatureReadStatus.Missing;
            }

            bool block = false, data = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("signature"u8))
                {
                    reader.Read();
                    if (block || reader.TokenType != JsonTokenType.StartObject)
                    {
                        return MailgunSignatureReadStatus.Malformed;
                    }

                    block = true;
                    if (ReadBlock(ref reader, ref fields) is var status and not MailgunSignatureReadStatus.Read)
                    {
                        return status;
                    }
                }
                else if (reader.ValueTextEquals("event-data"u8))
                {
                    reader.Read();
                    eventType = ReadEventType(ref reader, out var repeated);
                    eventTypeRepeated |= data || repeated;
                    data = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // The whole body is well-formed JSON, or nothing of it counts.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return MailgunSignatureReadStatus.Missing;
            }

            return block && fields.Timestamp.Length > 0 && fields.Token.Length > 0 && fields.Signature.Length > 0
                ? MailgunSignatureReadStatus.Read
                : MailgunSignatureReadStatus.Missing;
        }
        catch (JsonException)
        {
            return MailgunSignatureReadStatus.Missing;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader throws this for a string that is not valid UTF-8 once unescaped.
            return MailgunSignatureReadStatus.Malformed;
        }
    }

    /// <summary>Decodes the event type found by <see cref="ReadJson"/>, after verification: the string, or null when absent.</summary>
    public static string? DecodeEventType(ReadOnlySpan<byte> body, Range eventType)
    {
        var (offset, length) = eventType.GetOffsetAndLength(body.Length);
        if (length == 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(body.Slice(offset, length));
        reader.Read();
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null; // Not valid UTF-8 once unescaped.
        }
    }

    /// <summary>The form fields <c>timestamp</c>, <c>token</c>, <c>signature</c> (and <c>parent-signature</c>) into <paramref name="fields"/>.</summary>
    public static MailgunSignatureReadStatus ReadForm(ReadOnlySpan<byte> body, int maxFields, ref MailgunSignatureFields fields)
    {
        if (FormPayloadReader.HasTooManyFields(body, maxFields))
        {
            return MailgunSignatureReadStatus.TooManyFormFields;
        }

        var status = ReadField(body, "timestamp"u8, maxFields, ref fields.Timestamp, required: true);
        status = status is MailgunSignatureReadStatus.Read ? ReadField(body, "token"u8, maxFields, ref fields.Token, required: true) : status;
        status = status is MailgunSignatureReadStatus.Read ? ReadField(body, "signature"u8, maxFields, ref fields.Signature, required: true) : status;
        status = status is MailgunSignatureReadStatus.Read ? ReadField(body, "parent-signature"u8, maxFields, ref fields.ParentSignature, required: false) : status;
        return status is MailgunSignatureReadStatus.Read && !Ascii.IsValid(fields.Token) ? MailgunSignatureReadStatus.Malformed : status;
    }

    private static MailgunSignatureReadStatus ReadField(ReadOnlySpan<byte> body, ReadOnlySpan<byte> name, int maxFields, ref Span<byte> destination, bool required)
    {
        switch (FormPayloadReader.TryReadField(body, name, maxFields, out var value))
        {
            case FormReadStatus.Read when value.Length <= destination.Length:
                value.CopyTo(destination);
                destination = destination[..value.Length];
                return MailgunSignatureReadStatus.Read;
            case FormReadStatus.Missing:
                destination = destination[..0];
                return required ? MailgunSignatureReadStatus.Missing : MailgunSignatureReadStatus.Read;
            case FormReadStatus.TooManyFields:
                return MailgunSignatureReadStatus.TooManyFormFields;
            default:
                return MailgunSignatureReadStatus.Malformed;
        }
    }

    /// <summary>Reads the signature object the reader is on, up to its end.</summary>
    private static MailgunSignatureReadStatus ReadBlock(ref Utf8JsonReader reader, ref MailgunSignatureFields fields)
    {
        bool timestamp = false, token = false, signature = false, parent = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var status = MailgunSignatureReadStatus.Read;
            if (reader.ValueTextEquals("timestamp"u8))
            {
                status = Take(ref reader, ref timestamp, ref fields.Timestamp, allowNumber: true);
            }
            else if (reader.ValueTextEquals("token"u8))
            {
                status = Take(ref reader, ref token, ref fields.Token, allowNumber: false);
                status = status is MailgunSignatureReadStatus.Read && !Ascii.IsValid(fields.Token) ? MailgunSignatureReadStatus.Malformed : status;
            }
            else if (reader.ValueTextEquals("signature"u8))
            {
                status = Take(ref reader, ref signature, ref fields.Signature, allowNumber: false);
            }
            else if (reader.ValueTextEquals("parent-signature"u8))
            {
                status = Take(ref reader, ref parent, ref fields.ParentSignature, allowNumber: false);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }

            if (status is not MailgunSignatureReadStatus.Read)
            {
                return status;
            }
        }

        if (!timestamp)
        {
            fields.Timestamp = fields.Timestamp[..0];
        }

        if (!token)
        {
            fields.Token = fields.Token[..0];
        }

        if (!signature)
        {
            fields.Signature = fields.Signature[..0];
        }

        if (!parent)
        {
            fields.ParentSignature = fields.ParentSignature[..0];
        }

        return MailgunSignatureReadStatus.Read;
    }

    /// <summary>Copies one string (or, for the timestamp, number) value into its buffer; a repeat, another type or an overlong value is malformed.</summary>
    private static MailgunSignatureReadStatus Take(ref Utf8JsonReader reader, ref bool seen, ref Span<byte> destination, bool allowNumber)
    {
        reader.Read();
        if (seen)
        {
            return MailgunSignatureReadStatus.Malformed;
        }

        seen = true;
        if (reader.TokenType == JsonTokenType.Number && allowNumber && reader.ValueSpan.Length <= destination.Length)
        {
            reader.ValueSpan.CopyTo(destination);
            destination = destination[..reader.ValueSpan.Length];
            return MailgunSignatureReadStatus.Read;
        }

        // The escaped length bounds the unescaped one, so CopyString cannot overflow the buffer.
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > destination.Length)
        {
            return MailgunSignatureReadStatus.Malformed;
        }

        destination = destination[..reader.CopyString(destination)];
        return MailgunSignatureReadStatus.Read;
    }

    /// <summary>Where <c>event</c> of the <c>event-data</c> object the reader is on is (its string token), leaving the reader on the object's end.</summary>
    private static Range ReadEventType(ref Utf8JsonReader reader, out bool repeated)
    {
        repeated = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return default;
        }

        Range found = default;
        var seen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEvent = reader.ValueTextEquals("event"u8);
            reader.Read();
            if (!isEvent)
            {
                reader.Skip();
                continue;
            }

            if (seen)
            {
                repeated = true;
            }
            else if (reader.TokenType == JsonTokenType.String)
            {
                var start = (int)reader.TokenStartIndex;
                found = new Range(start, start + reader.ValueSpan.Length + 2);
            }

            seen = true;
            reader.Skip(); // An object or array value is stepped over; a string or number stays as it is.
        }

        return found;
    }
}
