using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using WebhookKit.Verification;

namespace WebhookKit.SendGrid;

/// <summary>
/// One forward pass over a verified Event Webhook body, a JSON array of event objects: counts the events and derives
/// the delivery's event id from their <c>sg_event_id</c>s (see <see cref="TryScan"/>). Everything else is skipped.
/// </summary>
internal static class SendGridBatchScanner
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>
    /// Reads the batch. The event id is the <c>sg_event_id</c> of a batch of one event; for several events that all have
    /// one, the hex SHA-256 of their ids, sorted and length-prefixed (the same events give the same id in any order);
    /// otherwise the hex SHA-256 of the body. False when the body is not a well-formed array of objects, or an object
    /// repeats <c>sg_event_id</c> (the id read here and the one the handler's model keeps would differ).
    /// </summary>
    public static bool TryScan(ReadOnlySpan<byte> json, out int count, out string? eventId)
    {
        count = 0;
        eventId = null;

        // The reader checks UTF-8 only in the strings it decodes: refuse invalid bytes anywhere, in one vectorized pass.
        if (!Utf8.IsValid(json))
        {
            return false;
        }

        List<string>? ids = [];
        try
        {
            var reader = new Utf8JsonReader(json, ReaderOptions);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject || !TryReadEventId(ref reader, out var id))
                {
                    return false;
                }

                count++;
                if (id is null)
                {
                    ids = null; // One event without an id: the batch is identified by its bytes.
                }
                else
                {
                    ids?.Add(id);
                }
            }

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return false;
            }
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader.GetString throws this for strings that are not valid UTF-8.
            return false;
        }

        eventId = ids switch
        {
            _ when count == 0 => null,
            [var single] => single,
            not null => DigestOf(ids),
            null => SignatureMath.Sha256Hex(json),
        };
        return true;
    }

    /// <summary>Reads the object the reader is on up to its end: its string <c>sg_event_id</c>, or null. False when it has two.</summary>
    private static bool TryReadEventId(ref Utf8JsonReader reader, out string? id)
    {
        id = null;
        var seen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("sg_event_id"u8);
            reader.Read();
            if (!isId)
            {
                reader.Skip();
                continue;
            }

            if (seen)
            {
                return false;
            }

            seen = true;
            if (reader.TokenType == JsonTokenType.String)
            {
                id = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        if (id is { Length: 0 })
        {
            id = null;
        }

        return true;
    }

    private static string DigestOf(List<string> ids)
    {
        ids.Sort(StringComparer.Ordinal);
        using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> length = stackalloc byte[4];
        foreach (var id in ids)
        {
            // Length-prefixed, so that no choice of ids can make two different lists hash the same bytes.
            var bytes = Encoding.UTF8.GetBytes(id);
            BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
            sha256.AppendData(length);
            sha256.AppendData(bytes);
        }

        return Convert.ToHexStringLower(sha256.GetHashAndReset());
    }
}
